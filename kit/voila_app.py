"""``python -m kit.voila_app``: Voilà as ``kit serve`` runs it.

Voilà itself, with five changes made where Voilà lets an application change them (the fifth
where it does not):
- ``/`` goes to the course map; Voilà's file browser (``/voila/tree``, the contents API) is off,
  so no repository listing in English and no page that asks a CDN for its icons;
- static assets whose URL names their version are cached for a year (``immutable``), so a
  second visit does not ask again; everything else keeps Voilà's headers; responses are
  gzip-compressed (5 MB of front end per phone becomes about 1.3 MB on the room's Wi-Fi);
- the per-page "Notebook … is not trusted" warning is dropped from the log (Voilà renders
  outputs of its own execution; trust is a JupyterLab notion that says nothing here), and so
  is Voilà's own URL: ``kit serve`` prints the kit's pages instead;
- with ``KIT_KERNELS=fork`` the fork parent starts with the server, so it is warm before the
  first trainee arrives;
- with ``KIT_SERVER_ID`` (``kit serve --server-id``, one of several servers on one store) the
  server heartbeats into the store's registry and answers the kit's pages without its prefix
  by sending the visitor to a live server's copy (:mod:`kit.fleet.entry`);
- every page's exporter shares one cache of compiled templates (:mod:`kit.template_cache`),
  where Voilà compiled them again for each page.
"""

from __future__ import annotations

import logging
import os
import re
from typing import Any

from tornado import web
from voila.app import Voila

from kit import kernels, limits, template_cache
from kit.fleet import entry

COURSE_MAP = "/voila/render/workshops/00_course_map.ipynb"
DROPPED = ("TornadoVoilaTreeHandler", "VoilaContentsHandler")
VERSIONED = re.compile(r"[?&]v=[0-9a-f]{8,}|\.[0-9a-f]{8,}\.(js|css|woff2?|ttf|eot|svg)$"
                       r"|/\d+\.voila\.js$")
YEAR = 365 * 24 * 3600
TEND_MS = 2000  # how often the fork parent is checked (a dead one is reaped and restarted)


class Quiet(logging.Filter):
    """Drop the per-page trust warning and Voilà's own URL (``kit serve`` prints the kit's)."""

    def filter(self, record: logging.LogRecord) -> bool:
        msg = str(record.msg)
        return msg != "Notebook %s is not trusted" and not msg.startswith("Voilà is running at")


class KitVoila(Voila):
    fleet: entry.Fleet | None = None

    def init_handlers(self) -> list[Any]:
        kept = [_long_cached(h) for h in super().init_handlers()
                if _handler_name(h) not in DROPPED]
        root = self.server_url.rstrip("/")
        front = entry.handlers(self.fleet) if self.fleet is not None and root else []
        return [*front, (rf"{root}/?", web.RedirectHandler, {"url": root + COURSE_MAP}),
                (rf"{root}/voila/tree(/.*)?", web.RedirectHandler, {"url": root + COURSE_MAP}),
                *kept]

    def init_settings(self) -> dict[str, Any]:
        settings: dict[str, Any] = super().init_settings()
        settings["compress_response"] = True  # read when the application is made, so set here
        limits.raise_for_many_kernels(self.kernel_manager.context)  # made just now, no socket yet
        return settings

    def start(self) -> None:
        self.log.addFilter(Quiet())
        template_cache.install()
        if kernels.fork_enabled():
            from tornado.ioloop import PeriodicCallback

            from kit.kernels import supervisor

            supervisor.get().start()
            PeriodicCallback(supervisor.get().tend, TEND_MS).start()
        if entry.server_id():
            from tornado.ioloop import PeriodicCallback

            from kit.store.servers import HEARTBEAT

            self.fleet = entry.Fleet(os.environ["KIT_DB_URL"], entry.server_id(), self.base_url)
            self.fleet.start()
            PeriodicCallback(self.fleet.beat, HEARTBEAT * 1000).start()
        super().start()

    def stop(self) -> None:
        try:
            if self.fleet is not None:
                self.fleet.stop()
            super().stop()
        finally:
            if kernels.fork_enabled():
                from kit.kernels import supervisor

                supervisor.get().stop()


def _handler_name(handler: Any) -> str:
    return getattr(handler[1], "__name__", "") if isinstance(handler, tuple) else ""


class LongCache(web.StaticFileHandler):
    """A URL that carries its content hash never changes: the browser may keep it a year."""

    def set_headers(self) -> None:
        super().set_headers()
        if VERSIONED.search(self.request.uri or ""):
            self.set_header("Cache-Control", f"public, max-age={YEAR}, immutable")


def _long_cached(handler: Any) -> Any:
    if not (isinstance(handler, tuple) and isinstance(handler[1], type)
            and issubclass(handler[1], web.StaticFileHandler)):
        return handler
    cls = type(handler[1].__name__, (LongCache, handler[1]), {})
    return (handler[0], cls, *handler[2:])


def main() -> None:
    KitVoila.launch_instance()


if __name__ == "__main__":
    main()
