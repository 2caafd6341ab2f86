"""The projector page: bridge + :class:`ProjectorController` + :class:`ProjectorPage`."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from kit.content import Course
from kit.live import ticker
from kit.live.log import configure
from kit.live.projector import TRAINEE, ProjectorController
from kit.live.runner import Runner
from kit.store import Store
from kit.widgets.bridge import PageBridge
from kit.widgets.projector import ProjectorPage
from kit.widgets.qr import qr_svg

PAGE = "workshops/projector.ipynb"


def public_base(href: str) -> str:
    """Where trainees reach this server: ``KIT_PUBLIC_URL`` (set by ``kit serve`` for a
    training-room LAN), else the address the projector page itself was opened at."""
    public = os.environ.get("KIT_PUBLIC_URL", "")
    if public:
        return public
    marker = "/voila/render/"
    base = href.split(marker)[0] if marker in href else href.rsplit("/", 1)[0]
    # One of several servers (``kit fleet``): trainees go in through the proxy's entry point,
    # which has no server prefix, so the QR code does not tie the room to this server.
    prefix = os.environ.get("KIT_BASE_URL", "").rstrip("/") if os.environ.get("KIT_SERVER_ID") \
        else ""
    return base[:-len(prefix)] if prefix and base.endswith(prefix) else base


@dataclass(frozen=True)
class Projector:
    controller: ProjectorController
    page: ProjectorPage
    bridge: PageBridge


def open_projector(course: Course, store: Callable[[], Store], runner: Runner | None = None,
                   autostart: bool = True, bridge: PageBridge | None = None) -> Projector:
    controller = ProjectorController(course, store, runner)
    bridge = bridge or PageBridge()
    page = ProjectorPage(course, qr_svg, top=(bridge,))
    controller.observe(lambda ch: page.render(ch["new"]), "state")
    bridge.on("ping", controller.ping)

    def started(_: Any = None) -> None:
        if bridge.query is not None and bridge.href and controller.state.screen == "connecting":
            controller.start(bridge.params(), public_base(bridge.href))

    bridge.observe(started, ["query", "href"])
    page.render(controller.state)
    started()
    if autostart:
        configure("projector", controller.store)
        ticker.start(lambda: _tick(controller, page), interval=1.0)
    return Projector(controller, page, bridge)


def _tick(controller: ProjectorController, page: ProjectorPage) -> bool:
    page.tick()
    return controller.tick()


__all__ = ["PAGE", "TRAINEE", "Projector", "open_projector", "public_base"]
