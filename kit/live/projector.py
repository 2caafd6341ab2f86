"""The projector page's controller: opened with a projector link (a token of its own, not the
key), it follows the instructor and shows anonymous aggregates only."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any
from urllib.parse import quote

import traitlets

from kit.content import Course
from kit.content.rubric_models import PeerReviewActivity
from kit.i18n import _, title_of
from kit.live import log as kitlog
from kit.live.console import info
from kit.live.overview import answered, read_board, timer_of
from kit.live.page import PageController
from kit.live.runner import Inline, Runner
from kit.logic.pacing import current_activity
from kit.logic.phases import Phase
from kit.state.common import Note
from kit.state.console import Row, WorkshopInfo
from kit.state.projector import ProjectorState, Showcase
from kit.store import Store, participants, sessions, work, workshops
from kit.store.records import Workshop

TRAINEE = "exercises/trainee.ipynb"


def join_url(base: str, code: str) -> str:
    """The trainee page with the join code filled in (the QR code and the text under it)."""
    return f"{base.rstrip('/')}/voila/render/{TRAINEE}?code={quote(code)}"


def read_projector(store: Store, course: Course, ws: WorkshopInfo, base: str) -> ProjectorState:
    live = workshops.live_state(store, ws.id)
    people = participants.roster(store, ws.id)
    current = current_activity(live.states, live.changed)
    names = {p.id: p.name for p in people} if live.projector_names else {}
    state = ProjectorState("live", ws.code, ws.title, join_url(base, ws.code), len(people),
                           timer=timer_of(live), message=live.message, names=live.projector_names,
                           rev=live.rev)
    if current is None:
        return state
    act = course.activity(current)
    row = Row(act.id, title_of(act), act.kind, act.time_limit_min,
              live.states.get(act.id, Phase.WAITING), answered(store, course, ws.id).get(act.id, 0))
    board = read_board(store, course, ws.id, act.id, live, live.projector_names)
    labels = {a: names.get(a, _("方案 #{i}").format(
                                  i=i)) for i, a in enumerate(sorted(board.drafts), 1)}
    return replace(state, activity=row, focus=(live.focus or {}).get(act.id, 0), board=board,
                   labels=labels, showcase=_showcase(store, course, ws.id, live.showcase, labels))


def _showcase(store: Store, course: Course, workshop_id: int, chosen: tuple[str, int] | None,
              labels: dict[int, str]) -> Showcase | None:
    if chosen is None:
        return None
    activity, author = chosen
    act = course.activity(activity)
    draft = act.of if isinstance(act, PeerReviewActivity) else activity
    subs = work.mine(store, author, draft)
    if not subs:
        return None
    sections = next(iter(subs.values())).payload.get("sections", {})
    return Showcase(labels.get(author, _("方案")), sections)


class ProjectorController(PageController):
    role = "projector"
    state = traitlets.Instance(ProjectorState)

    def __init__(self, course: Course, store: Callable[[], Store],
                 runner: Runner | None = None) -> None:
        super().__init__(store, runner)
        self.course = course
        self.state = ProjectorState()
        self.base = ""
        self._workshop: WorkshopInfo | None = None
        self._reading = False

    def on_problem(self, note: Note) -> None:
        pass  # the room never sees an error message; it is in the log and the 问题 panel

    def start(self, query: dict[str, str], base: str) -> None:
        """Open with the projector link's token; anything else shows an invalid-link screen."""
        token, self.base = query.get("p", ""), base

        def find(store: Store) -> Workshop | None:
            return sessions.resolve(store, token, "projector") if token else None

        def then(ws: Workshop | None) -> None:
            if ws is None:
                self.state = ProjectorState("invalid")
                return
            self._workshop = info(ws)
            kitlog.set_context(workshop_id=ws.id)
            self.refresh()

        self.call(find, then, what="打开投屏页", runner=Inline())

    def tick(self) -> bool:
        if self.page_gone():
            return False
        self.refresh()
        return True

    def refresh(self) -> None:
        ws = self._workshop
        if ws is None or self._reading:
            return
        self._reading = True

        def read(store: Store) -> ProjectorState:
            return read_projector(store, self.course, ws, self.base)

        def then(state: ProjectorState) -> None:
            self._reading = False
            self.state = state

        def failed(_: Any) -> None:
            self._reading = False

        self.call(read, then, what="刷新投屏页", problem=failed)
