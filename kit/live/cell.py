"""An activity placed in a module notebook.

With the instructor key in the URL (``?code=…&key=…``) it shows the instructor's pacing control
and live results for this activity; otherwise the trainee's self-study view with immediate
feedback, which needs no live session and writes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ipywidgets as W

from kit.content import Course
from kit.live import ticker
from kit.live.pacing import ActivityRow
from kit.live.views import make_view
from kit.store import Store, activities, work, workshops
from kit.widgets._base import Notice, error_boundary, esc
from kit.widgets.bridge import PageBridge

SOLO = "<small>自学模式:提交后立即显示反馈,不记录成绩。</small>"


class ActivityCell(W.VBox):
    def __init__(self, course: Course, activity_id: str, store: Callable[[], Store],
                 bridge: PageBridge | None = None, autostart: bool = True) -> None:
        self.course, self.activity_id, self._store = course, activity_id, store
        self.autostart, self.bridge, self.notice = autostart, bridge or PageBridge(), Notice()
        self.view: Any = None
        self.row: ActivityRow | None = None
        self.board: Any = None
        super().__init__([self.bridge])
        self.bridge.observe(lambda _: self.start(), "query")
        if self.bridge.query is not None:
            self.start()

    @error_boundary
    def start(self) -> None:
        params = self.bridge.params()
        if params.get("code") and params.get("key"):
            store = self._store()
            try:
                ws = workshops.open_as_instructor(store, params["code"], params["key"])
            except workshops.AccessDenied:
                self.notice.show("讲师密钥不正确,以下为自学视图。", "error")
            else:
                return self._instructor(store, ws.id)
        self.view = make_view(self.course, self.activity_id, None)
        intro = self.course.activity(self.activity_id).intro or ""
        self.children = [self.bridge, self.notice, W.HTML(f"<p>{esc(intro)}</p>{SOLO}"),
                         self.view]

    def _instructor(self, store: Store, workshop_id: int) -> None:
        act = self.course.activity(self.activity_id)

        def pace(aid: str, state: str) -> None:
            activities.set_state(store, workshop_id, aid, state)
            self.refresh(store, workshop_id)

        self.row = ActivityRow(act, pace, lambda _: None)
        if act.kind in ("classify", "quiz", "poll"):
            from kit.widgets.board import Board

            self.board = Board(self.course, act.id, store, workshop_id)
        self.children = [self.bridge, self.notice, self.row, *([self.board] if self.board else [])]
        self.refresh(store, workshop_id)
        if self.autostart:
            ticker.start(lambda: self._tick(store, workshop_id), interval=2.0)

    def _tick(self, store: Store, workshop_id: int) -> bool:
        if self.bridge.page_gone():
            return False
        self.refresh(store, workshop_id)
        return True

    def refresh(self, store: Store, workshop_id: int) -> None:
        assert self.row is not None
        state = workshops.live_state(store, workshop_id).states.get(self.activity_id, "waiting")
        self.row.update(state, work.answered(store, workshop_id).get(self.activity_id, 0))
        if self.board is not None:
            self.board.revealed = state == "revealed"
            self.board.refresh()
