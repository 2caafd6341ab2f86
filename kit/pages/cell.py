"""Module notebook pages: one :class:`CellController` per page (kernel), one view per cell."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kit.content import Course
from kit.live import ticker
from kit.live.cell import CellController
from kit.live.log import configure
from kit.live.runner import Runner
from kit.pages.console import events_of
from kit.store import Store
from kit.widgets.bridge import PageBridge
from kit.widgets.cell import CellView

_page: tuple[CellController, PageBridge] | None = None
"""This kernel's page: a module notebook is one page, its cells share the controller."""


def page_controller(course: Course, store: Callable[[], Store], runner: Runner | None,
                    autostart: bool) -> tuple[CellController, PageBridge, bool]:
    """The page's controller and bridge; ``True`` when this call made them."""
    global _page
    if _page is not None and autostart:
        return (*_page, False)
    controller, bridge = CellController(course, store, runner), PageBridge()
    bridge.on("ping", controller.ping)

    def started(_: Any = None) -> None:
        if bridge.stored is not None and controller.state.screen == "connecting":
            controller.start(bridge.params(), dict(bridge.stored))

    bridge.observe(started, "stored")
    if autostart:
        _page = (controller, bridge)
        configure("cell", controller.store)
        ticker.start(controller.tick, interval=2.0)
    return controller, bridge, True


def open_cell(course: Course, activity_id: str, store: Callable[[], Store],
              runner: Runner | None = None, autostart: bool = True) -> CellView:
    controller, bridge, first = page_controller(course, store, runner, autostart)
    view = CellView(course, activity_id, events_of(controller), top=(bridge,) if first else ())
    controller.observe(lambda ch: view.render(ch["new"]), "state")
    controller.add(activity_id)
    view.render(controller.state)
    if bridge.stored is not None and controller.state.screen == "connecting":
        controller.start(bridge.params(), dict(bridge.stored))
    return view
