"""The console page: bridge + :class:`ConsoleController` + :class:`ConsolePage`."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from kit.content import Course
from kit.live import ticker
from kit.live.console import ConsoleController
from kit.live.log import configure
from kit.live.runner import Runner
from kit.pages.language import relabel
from kit.pages.projector import public_base
from kit.state.events import ConsoleEvents
from kit.store import Store
from kit.widgets.bridge import PageBridge
from kit.widgets.console_page import ConsolePage

LANG = "lang"
"""The console's language is kept in the instructor's browser, beside the console session."""


def events_of(c: ConsoleController) -> ConsoleEvents:
    a = c.actions
    return ConsoleEvents(
        login=c.login, create=lambda t, m, i, done: c.create(t, m, i, done), logout=c.logout,
        forget_key=c.forget_key, pace=a.pace, show=a.show, names=a.names, timer=a.timer,
        stop_timer=a.stop_timer, pause_timer=a.pause_timer, broadcast=a.broadcast,
        group=a.group, move=a.move, override=a.override, export=a.export, focus=a.focus,
        showcase=a.showcase, projector_names=a.projector_names, projector_link=a.projector_link)


@dataclass(frozen=True)
class Console:
    controller: ConsoleController
    page: ConsolePage
    bridge: PageBridge


def open_console(course: Course, store: Callable[[], Store], runner: Runner | None = None,
                 autostart: bool = True, bridge: PageBridge | None = None) -> Console:
    # Only the hub's spawner sets KIT_HUB_INSTRUCTOR, for members of the instructors' group.
    hub = bool(os.environ.get("JUPYTERHUB_USER")) and os.environ.get("KIT_HUB_INSTRUCTOR") == "1"
    controller = ConsoleController(course, store, runner, hub_instructor=hub)
    bridge = bridge or PageBridge(shutdown_on_close=True)

    def language(lang: str) -> None:
        bridge.keep(LANG, lang)
        if relabel(lang):
            bridge.translate()
            page.relabel()

    page = ConsolePage(course, replace(events_of(controller), language=language),
                       deliver=lambda d: bridge.download(d.name, d.mime, d.data),
                       copy=bridge.copy, top=(bridge,))
    controller.observe(lambda ch: page.render(ch["new"]), "state")
    controller.observe(lambda ch: _keep(bridge, ch["new"]), "kept")
    bridge.on("ping", controller.ping)

    def started(_: Any = None) -> None:
        if (bridge.query is not None and bridge.stored is not None
                and controller.state.screen == "connecting"):
            if relabel(bridge.stored.get(LANG) or ""):
                bridge.translate()
                page.relabel()
            controller.start(bridge.params(), dict(bridge.stored), public_base(bridge.href))

    bridge.observe(started, ["query", "stored", "href"])
    page.render(controller.state)
    started()
    if autostart:
        configure("console", controller.store)
        ticker.start(controller.tick, interval=1.0)
    return Console(controller, page, bridge)


def _keep(bridge: PageBridge, kept: dict[str, str | None]) -> None:
    for key, value in kept.items():
        bridge.keep(key, value)
