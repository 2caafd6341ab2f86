"""The trainee app: join once, then the screen follows the instructor."""

from __future__ import annotations

import os
import time

import ipywidgets as W

from kit.content import Course
from kit.live import ticker
from kit.live.follow import current_activity
from kit.live.header import Header
from kit.live.join import JoinForm
from kit.live.seat import Seat
from kit.live.views import make_view
from kit.logic.text import InputProblem
from kit.store import Store, participants, workshops
from kit.store.records import Workshop
from kit.widgets._base import Notice, error_boundary
from kit.widgets.bridge import PageBridge

WAITING = "<div class='kit-card kit-big'>请稍候,讲师即将开始下一个活动……</div>"
BAD_CODE = "参与码不正确或工作坊已结束,请向讲师核对参与码。"


class TraineeApp(W.VBox):
    def __init__(self, course: Course, store: Store, bridge: PageBridge | None = None,
                 autostart: bool = True) -> None:
        self.course, self.store, self.autostart = course, store, autostart
        self.bridge = bridge or PageBridge()
        self.notice = Notice()
        self.form = JoinForm(self.join)
        self.header, self.body = Header(), W.VBox([W.HTML(WAITING)])
        self.seat: Seat | None = None
        self.workshop: Workshop | None = None
        self.rev, self.view, self.shown = -1, None, ""
        super().__init__([self.bridge, self.notice, W.HTML("正在连接……")])
        self.bridge.observe(lambda _: self.start(), "query")
        if self.bridge.query is not None:
            self.start()

    @error_boundary
    def start(self) -> None:
        """The page told us its URL: resume from a token, join as the hub user, or ask."""
        params, hub = self.bridge.params(), os.environ.get("JUPYTERHUB_USER", "")
        self.form.code.value = params.get("code", "")
        ws = workshops.by_code(self.store, params.get("code", "")) if params.get("code") else None
        who = participants.by_token(self.store, ws.id, params.get("t", "")) if ws else None
        if ws and who:
            return self._enter(ws, who.id, who.name)
        if params.get("t"):
            self.notice.show("您的加入链接已失效,请重新输入参与码加入。", "error")
        if ws and hub:
            return self.join(ws.code, hub)
        self.children = [self.bridge, self.notice, self.form]

    def join(self, code: str, name: str, staff_id: str = "") -> None:
        ws = workshops.by_code(self.store, code)
        if ws is None or ws.closed:
            raise InputProblem(BAD_CODE)
        hub = os.environ.get("JUPYTERHUB_USER") or None
        who, token = participants.join(self.store, ws.id, name, hub_user=hub, staff_id=staff_id)
        self.bridge.set_params(code=ws.code, t=token)
        self._enter(ws, who.id, who.name)

    def _enter(self, ws: Workshop, participant_id: int, name: str) -> None:
        self.workshop, self.seat = ws, Seat(self.store, ws.id, participant_id)
        self.header.set_who(ws.title, name)
        self.notice.show("")
        self.children = [self.bridge, self.header, self.notice, self.body]
        self.refresh()
        if self.autostart:
            ticker.start(self.tick)

    def tick(self, now: float | None = None) -> bool:
        if self.bridge.page_gone():
            return False
        self.refresh()
        self.header.tick(now or time.time())
        if self.view is not None:
            self.view.flush()
        return True

    def refresh(self) -> None:
        """One primary-key read; the full state only when the revision moved."""
        assert self.workshop is not None and self.seat is not None
        wid = self.workshop.id
        if self.store.read(lambda c: workshops.revision(c, wid)) == self.rev:
            return
        state = workshops.live_state(self.store, wid)
        self.rev = state.rev
        self.header.apply(state, time.time())
        self._show(current_activity(state.states, state.changed), state.states)

    def _show(self, activity_id: str | None, states: dict[str, str]) -> None:
        if activity_id != self.shown:
            if self.view is not None:
                self.view.flush(debounce=0)
            self.shown = activity_id or ""
            self.view = make_view(self.course, activity_id, self.seat) if activity_id else None
            self.body.children = [self.view] if self.view is not None else [W.HTML(WAITING)]
        if self.view is not None and activity_id:
            self.view.apply_state(states[activity_id])
