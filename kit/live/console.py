"""The instructor console: only the workshop's instructor key opens it."""

from __future__ import annotations

import time
from typing import Any

import ipywidgets as W

from kit.content import Course
from kit.live import ticker
from kit.live.console_forms import CreateForm, LoginForm
from kit.live.console_panels import Controls, Roster
from kit.live.pacing import ActivityRow
from kit.store import Store, activities, work, workshops
from kit.store.records import Workshop
from kit.widgets._base import Notice, error_boundary, esc
from kit.widgets.bridge import PageBridge


class Console(W.VBox):
    def __init__(self, course: Course, store: Store, bridge: PageBridge | None = None,
                 autostart: bool = True) -> None:
        self.course, self.store, self.autostart = course, store, autostart
        self.bridge = bridge or PageBridge()
        self.notice = Notice()
        self.login_form, self.create = LoginForm(self.login), CreateForm(course, self.new)
        self.workshop: Workshop | None = None
        self.rows: dict[str, ActivityRow] = {}
        self.board: Any = None
        super().__init__([self.bridge, W.HTML("正在连接……")])
        self.bridge.observe(lambda _: self.start(), "query")
        if self.bridge.query is not None:
            self.start()

    @error_boundary
    def start(self) -> None:
        params = self.bridge.params()  # a trainee token ("t") is never looked at here
        self.login_form.code.value = params.get("code", "")
        if params.get("code") and params.get("key"):
            return self.login(params["code"], params["key"])
        self.children = [self.bridge, W.HTML("<h2>讲师控制台</h2>"), self.notice,
                         W.HBox([self.login_form, self.create])]

    def login(self, code: str, key: str) -> None:
        try:
            ws = workshops.open_as_instructor(self.store, code, key)
        except workshops.AccessDenied:
            self.children = [self.bridge, W.HTML("<h2>讲师控制台</h2>"), self.notice,
                             W.HBox([self.login_form, self.create])]
            self.notice.show("参与码或讲师密钥不正确。控制台只能用讲师密钥打开。", "error")
            return
        self.bridge.set_params(code=ws.code, key=key)
        self._enter(ws, key=None, secret=key)

    def new(self, title: str, modules: tuple[int, ...]) -> None:
        ws, key = workshops.create(self.store, title, modules)
        self.bridge.set_params(code=ws.code, key=key)
        self._enter(ws, key=key, secret=key)

    def _enter(self, ws: Workshop, key: str | None, secret: str) -> None:
        self.workshop = ws
        acts = [a for m in self.course.modules if m.number in ws.modules for a in m.activities]
        self.rows = {a.id: ActivityRow(a, self.pace, self.show) for a in acts}
        self.controls, self.roster = Controls(self.store, ws), Roster(self.course, self.store, ws)
        self.board_box = W.VBox()
        keep = (f"<div class='kit-banner'>讲师密钥:<b>{esc(key)}</b>(只显示这一次,请记下;"
                "本页网址已带上密钥,可收藏)</div>") if key else ""
        head = W.HTML(f"<h2>{esc(ws.title)}</h2><div class='kit-big'>参与码 "
                      f"<b style='font-size:2em;letter-spacing:4px'>{esc(ws.code)}</b></div>{keep}")
        from kit.live.console_export import ExportPanel

        self.exports = ExportPanel(self.course, self.store, ws.code, secret)
        self.children = [self.bridge, head, self.notice, self.controls,
                         W.HTML("<h3>活动</h3>"), *self.rows.values(), self.board_box, self.roster,
                         self.exports]
        self.refresh()
        if self.autostart:
            ticker.start(self.tick, interval=1.0)

    @error_boundary
    def pace(self, activity_id: str, state: str) -> None:
        assert self.workshop is not None
        activities.set_state(self.store, self.workshop.id, activity_id, state)
        if self.board is not None and self.board.activity_id == activity_id:
            self.board.revealed = state == "revealed"
        self.refresh()

    @error_boundary
    def show(self, activity_id: str) -> None:
        """Put one activity's live results on the projector."""
        assert self.workshop is not None
        act = self.course.activity(activity_id)
        if act.kind == "roleplay":  # the class's path tree arrives with the live role-play
            return self.notice.show("情景演练的投屏结果(全班路径树)尚未接入。")
        if act.kind in ("classify", "quiz", "poll"):
            from kit.widgets.board import Board

            self.board = Board(self.course, activity_id, self.store, self.workshop.id)
        else:
            from kit.widgets.peer_board import PeerBoard

            self.board = PeerBoard(self.course, activity_id, self.store, self.workshop.id)
        self.refresh()
        self.board_box.children = [self.board]

    def tick(self) -> bool:
        if self.bridge.page_gone():
            return False
        self.refresh()
        return True

    def refresh(self) -> None:
        assert self.workshop is not None
        state = workshops.live_state(self.store, self.workshop.id)
        counts = work.answered(self.store, self.workshop.id)
        for aid, row in self.rows.items():
            row.update(state.states.get(aid, "waiting"), counts.get(aid, 0))
        if self.board is not None:
            self.board.revealed = state.states.get(self.board.activity_id) == "revealed"
            self.board.refresh()
        self.controls.tick(time.time())
        self.roster.refresh()
