"""The trainee page's controller: join once, then follow the instructor.

It owns the seat, every store call of the page, the autosave of work in progress and the
follow-the-instructor tick; it exposes one observable :class:`TraineeState`. The views render
that state and call back: :meth:`join`, :meth:`change`, :meth:`submit`, and the peer-review and
group-drafting actions of :attr:`review` and :attr:`drafting`.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import Any
from urllib.parse import parse_qs

import traitlets

from kit.content import Course
from kit.i18n import N_, _
from kit.live import log as kitlog
from kit.live.drafting import GroupDrafting
from kit.live.follow import Snapshot, read_snapshot
from kit.live.page import PageController
from kit.live.review import ReviewFlow
from kit.live.roleplay import RoleplayFlow
from kit.live.runner import Inline, Runner
from kit.live.saving import Autosave
from kit.logic.text import InputProblem
from kit.state.activity import ActivityState
from kit.state.common import NO_NOTE, Done, Note, Seat, noop
from kit.state.trainee import Header, TraineeState
from kit.store import Store, participants, servers, workshops

BAD_CODE = N_("参与码不正确或工作坊已结束,请向讲师核对参与码。")
STALE = N_("您的加入链接已失效,请重新输入参与码加入。")
NO_STORE = N_("暂时无法连接服务器,正在重试……请稍候,无需刷新页面。")


class TraineeController(PageController):
    role = "trainee"
    state = traitlets.Instance(TraineeState)
    url = traitlets.Dict()
    """The query the page's address should show: the join code and this trainee's token."""

    def __init__(self, course: Course, store: Callable[[], Store], runner: Runner | None = None,
                 hub_user: str = "", server_id: str = "", code: str = "") -> None:
        super().__init__(store, runner)
        self.course, self.hub_user = course, hub_user
        self.server_id = server_id
        """One of several servers (``kit serve --server-id``): seat the trainee here."""
        self.default_code = code
        """The workshop a hub user joins when the address names none (``KIT_WORKSHOP_CODE``)."""
        self.ticket = ""
        self.state = TraineeState(hub_name=participants.hub_name(hub_user) if hub_user else "")
        self.query: str | None = None
        self.autosave = Autosave(self)
        self.review = ReviewFlow(self)
        self.drafting = GroupDrafting(self)
        self.roleplay = RoleplayFlow(self)
        self._reading = False

    # -- state helpers ---------------------------------------------------------------------
    @property
    def seat(self) -> Seat | None:
        return self.state.seat

    def set(self, **changes: Any) -> None:
        self.state = replace(self.state, **changes)

    def set_activity(self, **changes: Any) -> None:
        if self.state.activity is not None:
            self.set(activity=replace(self.state.activity, **changes))

    def on_problem(self, note: Note) -> None:
        self.set(notice=note)

    def note_item(self, item_id: str, note: Note) -> None:
        act = self.state.activity
        if act is not None:
            self.set_activity(notes={**act.notes, item_id: note})

    # -- joining ---------------------------------------------------------------------------
    def start(self, query: str) -> None:
        """The page's query string is known: resume from a token, join as the hub user, or
        ask. Runs at once: the first screen is part of the page as Voilà serves it."""
        self.query = query
        params = {k: v[-1] for k, v in parse_qs(query or "").items()}
        code, token = params.get("code", ""), params.get("t", "")
        if not code and self.hub_user:
            code = self.default_code
        self.ticket = params.get("seat", "")
        self.set(code=code)

        def find(store: Store) -> tuple[Any, Any]:
            ws = workshops.by_code(store, code) if code else None
            who = participants.by_token(store, ws.id, token) if ws and token else None
            if who is not None:
                self._sit(store, who.id)
            return ws, who

        def then(found: tuple[Any, Any]) -> None:
            ws, who = found
            if ws and who:
                self.set(lang=who.lang)  # the language chosen on joining comes back with them
                return self._enter(Seat(ws.id, who.id, who.name, ws.title, ws.code, who.group_no),
                                   token)
            if ws and self.hub_user:
                return self.join(ws.code, self.hub_user)
            self.set(screen="join", notice=Note(_(STALE), "error") if token else NO_NOTE)
            return None

        self.call(find, then, what="打开页面", runner=Inline(), problem=self._unavailable)

    def _unavailable(self, note: Note) -> None:
        self.set(screen="unavailable", notice=Note(_(NO_STORE), "error"))

    def language(self, lang: str) -> None:
        """The trainee chose the UI language on the join form; it is kept when they join."""
        self.set(lang=lang)

    def join(self, code: str, name: str, staff_id: str = "", done: Done = noop) -> None:
        lang = self.state.lang

        def add(store: Store) -> tuple[Seat, str]:
            ws = workshops.by_code(store, code)
            if ws is None or ws.closed:
                raise InputProblem(_(BAD_CODE))
            who, token = participants.join(store, ws.id, name, hub_user=self.hub_user or None,
                                           staff_id=staff_id, lang=lang)
            self._sit(store, who.id)
            return Seat(ws.id, who.id, who.name, ws.title, ws.code, who.group_no), token

        self.call(add, lambda found: self._enter(*found), done, what="加入")

    def _sit(self, store: Store, participant_id: int) -> None:
        """On one of several servers: this trainee's seat is here (the entry's ticket used)."""
        if self.server_id:
            servers.seat(store, participant_id, self.server_id, self.ticket)
            self.ticket = ""

    def _enter(self, seat: Seat, token: str) -> None:
        kitlog.set_context(workshop_id=seat.workshop_id, participant_id=seat.participant_id)
        self.url = {"code": seat.code, "t": token}
        self.set(screen="live", seat=seat, notice=NO_NOTE)
        self.refresh()

    # -- following the instructor ------------------------------------------------------------
    def tick(self) -> bool:
        """About once a second: follow the instructor and save work in progress."""
        if self.page_gone():
            self.autosave.flush(force=True)
            return False
        if self.state.screen == "unavailable" and self.query is not None:
            self.start(self.query)
        elif self.seat is not None:
            self.refresh()
            self.autosave.flush()
            self.roleplay.follow()
        return True

    def refresh(self) -> None:
        """One primary-key read; the full state only when the workshop's revision moved."""
        seat = self.seat
        if seat is None or self._reading:
            return
        self._reading = True
        rev = self.state.rev
        shown = self.state.activity.id if self.state.activity else None

        def read(store: Store) -> Snapshot | None:
            return read_snapshot(store, self.course, seat, rev, shown)

        def then(snap: Snapshot | None) -> None:
            self._reading = False
            if snap is not None:
                self.apply(snap)

        def failed(note: Note) -> None:
            self._reading = False
            self.on_problem(note)

        self.call(read, then, what="同步讲师进度", problem=failed)

    def apply(self, snap: Snapshot) -> None:
        live = snap.live
        seat = replace(self.seat, group_no=snap.group_no) if self.seat else None
        header = Header(live.message, live.timer_end, live.timer_label, live.timer_paused)
        changes: dict[str, Any] = dict(rev=live.rev, header=header, seat=seat)
        act = self.state.activity
        if snap.activity_id is None:
            changes["activity"] = None
        elif act is None or act.id != snap.activity_id or _regrouped(act, snap):
            self.autosave.flush(force=True)
            kind = self.course.activity(snap.activity_id).kind
            shown = act.shown + 1 if act is not None else 1
            changes["activity"] = ActivityState(snap.activity_id, kind, snap.phase,
                                                saved=snap.saved, tallies=snap.tallies,
                                                group=snap.group, shown=shown,
                                                roleplay=snap.roleplay)
        elif act.phase != snap.phase:
            changes["activity"] = replace(act, phase=snap.phase, notes={}, tallies=snap.tallies)
        if self.state.notice.kind == "error" and snap.activity_id is not None:
            changes["notice"] = NO_NOTE  # the store answers again
        self.set(**changes)
        self.review.follow()

    # -- work --------------------------------------------------------------------------------
    def change(self, item_id: str, payload: Mapping[str, Any]) -> None:
        """Work in progress changed on the page; saved about a second later (or on flush)."""
        act = self.state.activity
        if act is not None and self.seat is not None:
            self.autosave.changed(act.id, item_id, dict(payload))

    def submit(self, item_id: str, payload: Mapping[str, Any], done: Done = noop) -> None:
        self.autosave.submit(item_id, dict(payload), done)

    def flush(self) -> None:
        """Save all work in progress now (the page is hidden, closing or lost focus)."""
        self.autosave.flush(force=True)

    def now(self) -> float:
        return time.time()


def _regrouped(act: ActivityState, snap: Snapshot) -> bool:
    """The instructor moved this trainee to another group while a group draft or a group
    role-play is shown."""
    if snap.roleplay is not None and act.roleplay is not None:
        return snap.roleplay.group_no != act.roleplay.group_no
    return snap.group is not None and (act.group is None
                                       or act.group.group_no != snap.group.group_no)
