"""The instructor console's controller: only the workshop's instructor key opens it.

The key is checked once and traded for a console session: a random token kept (hashed) in
the store and, in the instructor's browser, in local storage, never in a URL. A reload finds
the session there; 退出 revokes it. The console follows the room about once a second.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

import traitlets

from kit.content import Course
from kit.i18n import _
from kit.live import log as kitlog
from kit.live.actions import ConsoleActions
from kit.live.overview import Overview, read_overview, timer_of
from kit.live.page import PageController
from kit.live.runner import Inline, Runner
from kit.logic.text import InputProblem
from kit.state.common import NO_NOTE, Done, Note, noop
from kit.state.console import ConsoleState, WorkshopInfo
from kit.store import Store, sessions, workshops
from kit.store.records import Workshop

SESSION = "console"
"""The browser-storage key of the console session token."""


def info(ws: Workshop) -> WorkshopInfo:
    return WorkshopInfo(ws.id, ws.code, ws.title, ws.modules)


class ConsoleController(PageController):
    role = "console"
    state = traitlets.Instance(ConsoleState)
    kept = traitlets.Dict()
    """What the instructor's browser should keep: ``{"console": token}``, or ``None`` to forget."""

    def __init__(self, course: Course, store: Callable[[], Store],
                 runner: Runner | None = None, hub_instructor: bool = False) -> None:
        super().__init__(store, runner)
        self.course = course
        self.hub_instructor = hub_instructor
        """Under JupyterHub, a member of the instructors' group: the code alone opens it."""
        self.state = ConsoleState()
        self.actions = ConsoleActions(self)
        self.base = ""
        """Where this server is reached (for the projector link)."""
        self._reading = False

    def set(self, **changes: Any) -> None:
        self.state = replace(self.state, **changes)

    def on_problem(self, note: Note) -> None:
        self.set(notice=note)

    @property
    def workshop(self) -> WorkshopInfo | None:
        return self.state.workshop

    # -- getting in ------------------------------------------------------------------------
    def start(self, query: dict[str, str], stored: dict[str, str], base: str = "") -> None:
        """The page loaded: a kept session opens the console, else the login form."""
        token, self.base = stored.get(SESSION, ""), base or self.base
        code = query.get("code", "")

        def find(store: Store) -> tuple[Workshop | None, str]:
            ws = sessions.resolve(store, token, "console") if token else None
            if ws is None and self.hub_instructor and code:
                ws = workshops.by_code(store, code)
                if ws is not None and not ws.closed:
                    return ws, sessions.issue(store, ws.id, "console")
                return None, ""
            return ws, ""

        def then(found: tuple[Workshop | None, str]) -> None:
            ws, fresh = found
            if ws is not None and fresh:
                return self._opened(ws, fresh)
            if ws is not None:
                return self._enter(ws)
            if token:
                self.kept = {SESSION: None}
            self.set(screen="login", code=query.get("code", ""))
            return None

        self.call(find, then, what="打开控制台", runner=Inline(),
                  problem=lambda note: self.set(screen="unavailable", notice=note))

    def login(self, code: str, key: str, done: Done = noop) -> None:
        def check(store: Store) -> tuple[Workshop, str]:
            try:
                return sessions.console_login(store, code, key)
            except workshops.AccessDenied:
                raise InputProblem(
                    _("参与码或讲师密钥不正确。控制台只能用讲师密钥打开。")) from None

        self.call(check, lambda found: self._opened(*found), done, what="进入控制台")

    def create(self, title: str, modules: tuple[int, ...], instructor: str = "",
               done: Done = noop) -> None:
        if not modules:
            self.on_problem(Note(_("请至少选择一个模块"), "error"))
            return done()

        def make(store: Store) -> tuple[Workshop, str, str]:
            ws, key = workshops.create(store, title, modules, instructor)
            return ws, sessions.issue(store, ws.id, "console"), key

        def then(made: tuple[Workshop, str, str]) -> None:
            ws, token, key = made
            self._opened(ws, token, key)

        self.call(make, then, done, what="新建工作坊")
        return None

    def _opened(self, ws: Workshop, token: str, key: str | None = None) -> None:
        self.kept = {SESSION: token}
        self._enter(ws, key)

    def _enter(self, ws: Workshop, key: str | None = None) -> None:
        kitlog.set_context(workshop_id=ws.id)
        self.set(screen="live", workshop=info(ws), key_once=key, code=ws.code, notice=NO_NOTE)
        self.refresh()

    def logout(self, done: Done = noop) -> None:
        """End this console session everywhere and return to the login form."""
        ws = self.workshop
        if ws is None:
            return done()

        def end(store: Store) -> int:
            return sessions.revoke(store, ws.id, "console")

        def then(_: int) -> None:
            self.kept = {SESSION: None}
            self.set(screen="login", workshop=None, key_once=None, boards={})

        self.call(end, then, done, what="退出控制台")
        return None

    def forget_key(self) -> None:
        """The instructor has noted the key: it leaves the screen for good."""
        self.set(key_once=None)

    # -- following the room ------------------------------------------------------------------
    def tick(self) -> bool:
        if self.page_gone():
            return False
        self.refresh()
        return True

    def refresh(self) -> None:
        ws = self.workshop
        if ws is None or self._reading:
            return
        self._reading = True
        shown, names = self.boards_for(), self.state.show_names
        after = self.state.problems[0].id if self.state.problems else 0

        def read(store: Store) -> Overview:
            return read_overview(store, self.course, ws, shown, names, after)

        def then(view: Overview) -> None:
            self._reading = False
            self.apply(view)

        def failed(note: Note) -> None:
            self._reading = False
            self.on_problem(note)

        self.call(read, then, what="刷新控制台", problem=failed)

    def apply(self, view: Overview) -> None:
        problems = (view.problems + self.state.problems)[:50]
        shown = self.actions.shown or view.current
        self.set(rows=view.rows, current=view.current, shown=shown, people=view.people,
                 problems=problems, boards=view.boards, timer=timer_of(view.live),
                 message=view.live.message, rev=view.live.rev,
                 projector_names=view.live.projector_names)

    def boards_for(self) -> tuple[str, ...]:
        """The activities whose live results the page shows: the one on top."""
        shown = self.actions.shown or self.state.current
        return (shown,) if shown else ()
