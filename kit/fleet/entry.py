"""The fleet's side of each Voilà server: heartbeat into the registry, and the entry point.

The entry point answers the kit's page addresses *without* a server prefix
(``/voila/render/exercises/trainee.ipynb?code=…``), which the proxy sends to any live server.
It picks the server (:func:`kit.store.servers.assign`) and redirects to the same page under
that server's base URL, so the proxy routes by path alone and a websocket always reaches the
process that owns its kernel. The trainee page then seats the trainee on its server.
"""

from __future__ import annotations

import asyncio
import logging
import os
from typing import Any
from urllib.parse import urlencode

from tornado import web

from kit.store import Store, participants, servers, workshops

log = logging.getLogger("kit.fleet")
SERVER_ID = "KIT_SERVER_ID"
BASE_URL = "KIT_BASE_URL"
TRAINEE = "exercises/trainee.ipynb"
PAGES = (TRAINEE, "workshops/console.ipynb", "workshops/projector.ipynb")
NONE_UP = ("<!doctype html><meta charset=utf-8><title>消保工坊</title>"
           "<p>服务器暂时都不可用，请稍候一分钟再刷新本页；如仍不行，请告诉讲师。</p>")


def server_id() -> str:
    return os.environ.get(SERVER_ID, "")


class Fleet:
    """This server's membership: one store engine, used off the loop."""

    def __init__(self, store_url: str, ident: str, base_url: str) -> None:
        self.store = Store(store_url)
        self.ident, self.base_url = ident, base_url

    def start(self) -> None:
        servers.register(self.store, self.ident, self.base_url)

    async def beat(self) -> None:
        try:
            await asyncio.to_thread(servers.heartbeat, self.store, self.ident)
        except Exception:
            log.exception("heartbeat failed")

    def stop(self) -> None:
        try:
            servers.retire(self.store, self.ident)
        finally:
            self.store.dispose()

    def route(self, page: str, args: dict[str, str]) -> str | None:
        """Where this page goes: a server's address for it, or ``None`` if none is live."""
        query = {k: v for k, v in args.items() if k not in ("down", "seat")}
        pid = None
        if page == TRAINEE and args.get("code") and args.get("t"):
            ws = workshops.by_code(self.store, args["code"])
            who = participants.by_token(self.store, ws.id, args["t"]) if ws else None
            pid = who.id if who else None
        if page == TRAINEE:
            chosen = servers.assign(self.store, pid, avoid=args.get("down", ""))
        else:
            up = [s for s in servers.live(self.store) if s.id != args.get("down", "")]
            chosen = (min(up, key=lambda s: (s.load, s.id)), "") if up else None
        if chosen is None:
            return None
        server, ticket = chosen
        if ticket:
            query["seat"] = ticket
        target = f"{server.base_url.rstrip('/')}/voila/render/{page}"
        return target + ("?" + urlencode(query) if query else "")


class EntryHandler(web.RequestHandler):
    """``GET /voila/render/<page>`` without a prefix: redirect to a live server's copy."""

    def initialize(self, fleet: Fleet, page: str) -> None:
        self.fleet, self.page = fleet, page

    async def get(self) -> None:
        args = {k: self.get_query_argument(k) for k in self.request.query_arguments}
        target = await asyncio.to_thread(self.fleet.route, self.page, args)
        self.set_header("Cache-Control", "no-store")
        if target is None:
            self.set_status(503)
            self.finish(NONE_UP)
            return
        self.redirect(target)


def handlers(fleet: Fleet) -> list[Any]:
    return [(f"/voila/render/{page}", EntryHandler, {"fleet": fleet, "page": page})
            for page in PAGES]
