"""The instructor console as a presenter remote: usable on a phone, never to be projected.

On top the activity on show with only the moves its kind allows, then its live results, the
countdown and message, every activity, the roster, the 问题 panel and the exports.
"""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as W

from kit.content import Course
from kit.i18n import N_, _
from kit.state.common import noop
from kit.state.console import ConsoleState, Download, Row
from kit.state.events import ConsoleEvents
from kit.widgets._base import ActionButton, Notice, View, close_tree, esc, replace_children
from kit.widgets.board import BoardView
from kit.widgets.console_activities import ActivityControl, ActivityList
from kit.widgets.console_exports import ExportPanel
from kit.widgets.console_login import CreateForm, LoginForm
from kit.widgets.console_problems import Problems
from kit.widgets.console_projector import ProjectorLink
from kit.widgets.console_room import RoomControls, Roster
from kit.widgets.language import LanguageToggle
from kit.widgets.peer_board import PeerBoardView
from kit.widgets.roleplay_board import RoleplayBoardView

KEY_ONCE = (N_("<div class='kit-banner kit-secret' role='alert'><b>讲师密钥:{key}</b><br>"
            "请勿投屏。密钥只显示这一次:请现在记下或复制;之后凭参与码和密钥在任何设备上"
            "重新进入控制台。</div>"))


class ConsolePage(View):
    children: tuple[W.Widget, ...]

    def __init__(self, course: Course, events: ConsoleEvents,
                 deliver: Callable[[Download], None], copy: Callable[[str], None],
                 top: tuple[W.Widget, ...] = ()) -> None:
        self.course, self.events, self.top, self._copy = course, events, top, copy
        self._deliver = deliver
        self.state = ConsoleState()
        super().__init__([*top])
        self._build()
        self.children = (*top, self.connecting)
        self.add_class("kit-console")

    def _build(self) -> None:
        """Every view of the page, in the page's current language."""
        events, course, copy = self.events, self.course, self._copy
        self.lang = LanguageToggle(events.language)
        self.login, self.create = LoginForm(events), CreateForm(course, events)
        self.notice, self.head, self.key_box = Notice(), W.HTML(), W.VBox()
        self.title = W.HTML(_("<h2>讲师控制台</h2>"))
        self.current_box, self.board_box = W.VBox(), W.VBox()
        self.control: ActivityControl | None = None
        self.board: BoardView | PeerBoardView | RoleplayBoardView | None = None
        self.room, self.activities = RoomControls(events), ActivityList(events)
        self.projector = ProjectorLink(events, copy)
        self.roster, self.problems = Roster(events), Problems()
        self.exports = ExportPanel(events, self._deliver, self.state.download)
        self.logout = ActionButton(_("退出控制台"), events.logout, layout=W.Layout(width="auto"))
        self._key_shown: str | None = None
        self.connecting = W.HTML(_("<div class='kit-card'>正在连接……</div>"))
        self.login_box = W.HBox([self.login, self.create], layout=W.Layout(flex_flow="row wrap"))

    def relabel(self) -> None:
        """The console's language changed: build every view again in it, show the same state."""
        old = [self.lang, self.login, self.create, self.notice, self.head, self.key_box,
               self.title, self.current_box, self.board_box, self.room, self.activities,
               self.projector, self.roster, self.problems, self.exports, self.logout,
               self.connecting, self.login_box]
        self._build()
        self.children = (*self.top, self.connecting)
        self.render(self.state)
        for view in old:
            close_tree(view)

    def render(self, state: ConsoleState) -> None:
        self.state = state
        if state.screen == "login":
            if state.code and not self.login.code.value:
                self.login.code.value = state.code
            self.login.notice.note(state.notice)
            return self._screen([self.lang, self.title, self.login_box])
        self.notice.note(state.notice)
        if state.screen != "live" or state.workshop is None:
            return self._screen([self.notice])
        ws = state.workshop
        self._set(self.head, _("<h2>{title}</h2><div class='kit-big'>参与码 <b class='kit-code'>"
                               "{code}</b></div>").format(title=esc(ws.title), code=esc(ws.code)))
        self._key(state.key_once)
        self._current(state)
        self.room.render(state)
        self.projector.render(state)
        self.activities.render(state.rows)
        self.roster.render(state.people)
        self.problems.render(state.problems)
        self.exports.render(state.download)
        return self._screen([self.lang, self.head, self.key_box, self.notice, self.problems,
                             self.current_box, self.board_box, self.projector, self.room,
                             self.activities, self.roster, self.exports, self.logout])


    def _screen(self, parts: list[W.Widget]) -> None:
        children = (*self.top, *parts)
        if tuple(self.children) != children:
            self.children = children

    @staticmethod
    def _set(widget: W.HTML, value: str) -> None:
        if widget.value != value:
            widget.value = value

    def _key(self, key: str | None) -> None:
        if key == self._key_shown:
            return
        self._key_shown = key
        if key is None:
            return replace_children(self.key_box, [])
        copy = W.Button(description=_("复制密钥"), layout=W.Layout(width="auto"))
        copy.on_click(lambda _: self._copy(key))
        noted = W.Button(description=_("我已记下,隐藏密钥"), layout=W.Layout(width="auto"))
        noted.on_click(lambda _: self.events.forget_key())
        return replace_children(self.key_box, [W.HTML(_(KEY_ONCE).format(key=esc(key))),
                                               W.HBox([copy, noted])])

    def _current(self, state: ConsoleState) -> None:
        row = next((r for r in state.rows if r.activity_id == state.shown), None)
        if row is None:
            replace_children(self.current_box, [W.HTML(_("<div class='kit-card'>"
                                                         "选择下方的活动开始。</div>"))])
            replace_children(self.board_box, [])
            self.control = self.board = None
            return
        if self.control is None or self.control.row.activity_id != row.activity_id:
            self.control = ActivityControl(row, self.events, big=True)
            replace_children(self.current_box, [W.HTML(_("<h3>当前活动</h3>")), self.control])
            self.board = self._board_for(row)
            replace_children(self.board_box, [self.board] if self.board else [])
        self.control.render(row, len(state.people))
        board = state.boards.get(row.activity_id)
        if self.board is not None and board is not None:
            self.board.render(board, len(state.people))

    def _board_for(self, row: Row) -> BoardView | PeerBoardView | RoleplayBoardView | None:
        aid = row.activity_id
        if row.kind in ("classify", "quiz", "poll"):
            return BoardView(self.course, aid, lambda i: self.events.focus(aid, i, noop))
        if row.kind in ("draft", "peer_review"):
            return PeerBoardView(self.course, aid, self.events.names, self.events.override,
                                 self.events.showcase)
        if row.kind == "roleplay":
            return RoleplayBoardView(self.course, aid)
        return None
