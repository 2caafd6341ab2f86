"""The trainee page: bridge + :class:`TraineeController` + :class:`TraineePage`."""

from __future__ import annotations

import atexit
import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from kit.content import Course
from kit.live import ticker
from kit.live.log import configure
from kit.live.runner import Runner
from kit.live.trainee import TraineeController
from kit.pages.language import relabel
from kit.state.events import (
    GroupEvents,
    ReviewEvents,
    RoleplayEvents,
    TraineeEvents,
    WorkEvents,
)
from kit.store import Store
from kit.widgets.bridge import PageBridge
from kit.widgets.trainee_page import TraineePage


def events_of(c: TraineeController) -> TraineeEvents:
    """The page's actions, answered by the controller."""
    return TraineeEvents(
        join=c.join, language=c.language,
        work=WorkEvents(change=c.change, submit=c.submit),
        group=GroupEvents(load_theirs=c.drafting.load_theirs, save_mine=c.drafting.save_mine),
        review=ReviewEvents(calibrate=c.review.calibrate, start=c.review.start,
                            review=c.review.submit, flag=c.review.flag),
        roleplay=RoleplayEvents(choose=c.roleplay.choose, replay=c.roleplay.replay))


def bind(controller: TraineeController, page: TraineePage, bridge: PageBridge) -> None:
    """State down, events up, and the bridge's messages to the controller."""
    def show(change: dict[str, Any]) -> None:
        state = change["new"]
        if relabel(state.lang):
            bridge.translate()
            page.relabel()
        page.render(state)

    controller.observe(show, "state")
    controller.observe(lambda change: bridge.set_params(**change["new"]), "url")
    bridge.on("ping", controller.ping)
    bridge.on("flush", controller.flush)

    def started(change: dict[str, Any]) -> None:
        if change["new"] is not None:
            controller.start(change["new"])

    bridge.observe(started, "query")
    page.render(controller.state)
    if bridge.query is not None:
        controller.start(bridge.query)


@dataclass(frozen=True)
class Trainee:
    controller: TraineeController
    page: TraineePage
    bridge: PageBridge


def open_trainee(course: Course, store: Callable[[], Store], runner: Runner | None = None,
                 autostart: bool = True, bridge: PageBridge | None = None) -> Trainee:
    """The trainee page; ``autostart`` (in a kernel) adds the log, the ticker and the final
    save when the kernel shuts down."""
    hub = os.environ.get("JUPYTERHUB_USER", "")
    controller = TraineeController(course, store, runner, hub_user=hub,
                                   server_id=os.environ.get("KIT_SERVER_ID", ""),
                                   code=os.environ.get("KIT_WORKSHOP_CODE", ""))
    bridge = bridge or PageBridge()
    page = TraineePage(course, events_of(controller), top=(bridge,), scroll=bridge.scroll_to)
    bind(controller, page, bridge)
    if autostart:
        configure("trainee", controller.store)
        atexit.register(controller.autosave.flush_now)
        ticker.start(lambda: _tick(controller, page))
    return Trainee(controller, page, bridge)


def _tick(controller: TraineeController, page: TraineePage) -> bool:
    page.tick()
    return controller.tick()
