"""The trainee's page: the join form, then the live screen that follows the instructor.

It renders :class:`~kit.state.trainee.TraineeState` and sends the trainee's actions up as
:class:`~kit.state.events.TraineeEvents`; it never reads or writes the store itself.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import ipywidgets as W

from kit.content import Course
from kit.i18n import N_, _
from kit.logic.phases import Phase
from kit.state.events import TraineeEvents
from kit.state.trainee import TraineeState
from kit.widgets._base import Notice, View, close_tree
from kit.widgets.activities import ActivityView, make_view
from kit.widgets.header import Header
from kit.widgets.join import JoinForm

WAITING = N_("<div class='kit-card kit-big' role='status'>请稍候,讲师即将开始下一个活动……</div>")
CONNECTING = N_("<div class='kit-card' role='status'>正在连接……</div>")


class TraineePage(View):
    children: tuple[W.Widget, ...]

    def __init__(self, course: Course, events: TraineeEvents, top: tuple[W.Widget, ...] = (),
                 scroll: Callable[[str], None] | None = None) -> None:
        self.course, self.events, self.top = course, events, top
        self._scroll = scroll or (lambda _selector: None)
        self._phase: tuple[str, Phase] | None = None
        self.form, self.header, self.notice = JoinForm(events), Header(), Notice()
        self.waiting, self.connecting = W.HTML(_(WAITING)), W.HTML(_(CONNECTING))
        self.body = W.VBox([self.waiting])
        self.view: ActivityView | None = None
        self._shown = 0
        self.state = TraineeState()
        super().__init__([*top, self.connecting])
        self.add_class("kit-page")

    def relabel(self) -> None:
        """The page's language changed: build the views again in it (typed values kept)."""
        old, self.form = self.form, JoinForm(self.events)
        self.form.keep(old)
        close_tree(old)
        self.waiting.value, self.connecting.value = _(WAITING), _(CONNECTING)
        self._replace(None)  # the activity's view is made again on the next render
        self.render(self.state)

    def render(self, state: TraineeState) -> None:
        self.state = state
        if state.screen == "join":
            self.form.render(state.code, state.notice, state.hub_name)
            return self._screen([self.form])
        self.notice.note(state.notice)
        if state.screen != "live" or state.seat is None:
            return self._screen([self.notice] if state.notice.text else [self.connecting])
        self.header.set_who(state.seat.title, state.seat.name)
        self.header.render(state.header, time.time())
        self._activity()
        return self._screen([self.header, self.notice, self.body])

    def _screen(self, parts: list[W.Widget]) -> None:
        children = (*self.top, *parts)
        if tuple(self.children) != children:
            self.children = children

    def _activity(self) -> None:
        act = self.state.activity
        if act is None:
            self._replace(None)
            return
        if self.view is None or (self.view.activity_id, self._shown) != (act.id, act.shown):
            self._shown = act.shown
            self._replace(make_view(self.course, act, self.events))
        assert self.view is not None
        self.view.render(act)
        if act.phase == Phase.REVEALED and self._phase != (act.id, Phase.REVEALED):
            self._scroll(".kit-feedback")  # the answer is out: bring the feedback into view
        self._phase = (act.id, act.phase)

    def _replace(self, view: ActivityView | None) -> None:
        old, self.view = self.view, view
        self.body.children = [view if view is not None else self.waiting]
        if old is not None:
            close_tree(old)


    def tick(self, now: float | None = None) -> None:
        """Once a second: the countdown."""
        self.header.tick(now or time.time())
