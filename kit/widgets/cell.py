"""One activity in a module notebook: self-study, or the instructor's controls and results."""

from __future__ import annotations

import ipywidgets as W

from kit.content import Course
from kit.i18n import N_, _, pick
from kit.logic.phases import Phase
from kit.state.activity import ActivityState
from kit.state.console import ConsoleState, Row
from kit.state.events import ConsoleEvents
from kit.widgets._base import Notice, View, esc, replace_children
from kit.widgets.activities import make_view
from kit.widgets.board import BoardView
from kit.widgets.console_activities import ActivityControl
from kit.widgets.peer_board import PeerBoardView
from kit.widgets.roleplay_board import RoleplayBoardView

SOLO = N_("<small>自学模式:提交后立即显示反馈,不记录成绩。</small>")


class CellView(View):
    def __init__(self, course: Course, activity_id: str, events: ConsoleEvents,
                 top: tuple[W.Widget, ...] = ()) -> None:
        self.course, self.activity_id, self.events, self.top = course, activity_id, events, top
        act = course.activity(activity_id)
        self.intro = W.HTML(f"<p>{esc(pick(act.intro or '', act.en, 'intro'))}</p>{_(SOLO)}")
        self.notice = Notice()
        self.mode = ""
        self.control: ActivityControl | None = None
        self.board: BoardView | PeerBoardView | RoleplayBoardView | None = None
        self.results = W.VBox()
        self.toggle = W.ToggleButton(description=_("看结果"), value=False)
        self.toggle.observe(lambda _: self._results(), "value")
        self.solo: W.Widget | None = None
        self.state = ConsoleState()
        self.loading = W.HTML(_("<small>正在加载……</small>"))
        super().__init__([*top, self.loading])

    def render(self, state: ConsoleState) -> None:
        self.state = state
        self.notice.note(state.notice)
        if state.screen == "live" and state.workshop is not None:
            row = next((r for r in state.rows if r.activity_id == self.activity_id), None)
            if row is not None:
                return self._instructor(state, row)
        if state.screen in ("login", "live", "unavailable") and self.mode != "solo":
            self._solo()
        return None

    def _solo(self) -> None:
        self.mode = "solo"
        if self.solo is None:
            act = self.course.activity(self.activity_id)
            self.solo = make_view(self.course, ActivityState(act.id, act.kind, Phase.OPEN), None)
        self.children = (*self.top, self.notice, self.intro, self.solo)

    def _instructor(self, state: ConsoleState, row: Row) -> None:
        if self.control is None:
            self.control = ActivityControl(row, self.events, big=True)
        self.control.render(row, len(state.people))
        if self.mode != "instructor":
            self.mode = "instructor"
            self.children = (*self.top, self.notice, self.control, self.toggle, self.results)
        board = state.boards.get(self.activity_id)
        if self.board is not None and board is not None:
            self.board.render(board, len(state.people))

    def _results(self) -> None:
        """看结果: the activity's live results below its controls (again to hide them)."""
        if not self.toggle.value:
            self.board = None
            return replace_children(self.results, [])
        kind = self.course.activity(self.activity_id).kind
        if kind == "roleplay":
            self.board = RoleplayBoardView(self.course, self.activity_id)
        elif kind in ("classify", "quiz", "poll"):
            self.board = BoardView(self.course, self.activity_id)
        else:
            self.board = PeerBoardView(self.course, self.activity_id, self.events.names,
                                       self.events.override)
        replace_children(self.results, [self.board])
        self.events.show(self.activity_id)  # a fresh read of the results
        board = self.state.boards.get(self.activity_id)
        if board is not None:
            self.board.render(board, len(self.state.people))
        return None
