"""Everything one session's reports need, read once from the store (no pandas here)."""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass
from typing import Any

from kit.content import Course
from kit.store import Store, history, participants, peer, roleplay, work, workshops
from kit.store.peer import Review
from kit.store.records import Participant, Submission, Workshop
from kit.store.roleplay import Played


@dataclass(frozen=True)
class SessionData:
    course: Course
    workshop: Workshop
    people: tuple[Participant, ...]
    submissions: tuple[Submission, ...]
    """Latest version per participant, activity and item."""
    versions: dict[tuple[int, str, str], int]
    reviews: dict[str, list[Review]]
    overrides: dict[str, dict[tuple[int, str], int]]
    anonymised: bool = False
    last_work: float | None = None
    """When the last answer, draft or review was saved."""
    plays: tuple[Played, ...] = ()
    """Every role-play attempt, oldest first (a group's shared attempt once, with its members)."""

    def name(self, pid: int) -> str:
        return self._names.get(pid, str(pid))

    @functools.cached_property
    def _names(self) -> dict[int, str]:
        """Looked up once: a 200-trainee export asks for names tens of thousands of times."""
        return {p.id: pseudonym(self.workshop.code, p.id) if self.anonymised else p.name
                for p in self.people}

    def activities(self) -> list[Any]:
        return [a for m in self.course.modules if m.number in self.workshop.modules
                for a in m.activities]


def pseudonym(salt: str, pid: int) -> str:
    """A stable pseudonym: the same person gets the same one in every export of a session."""
    return "学员-" + hashlib.sha256(f"{salt}:{pid}".encode()).hexdigest()[:6].upper()


def load(course: Course, store: Store, code: str, key: str,
         anonymise: bool = False) -> SessionData:
    """Only the instructor key opens a session's data."""
    return load_workshop(course, store, workshops.open_as_instructor(store, code, key), anonymise)


def load_workshop(course: Course, store: Store, ws: Workshop,
                  anonymise: bool = False) -> SessionData:
    """A session's data, every query scoped to it, for a caller that has checked the right to
    it (the instructor key, a live console session, or access to the whole store)."""
    subs = work.latest_all(store, ws.id)
    reviews = {a.id: peer.all_reviews(store, ws.id, a.id) for m in course.modules
               for a in m.activities if a.kind == "peer_review" and m.number in ws.modules}
    fixed = {aid: peer.overridden(store, ws.id, aid) for aid in reviews}
    return SessionData(course, ws, tuple(participants.roster(store, ws.id)), tuple(subs),
                       {(s.participant_id, s.activity_id, s.item_id): s.version for s in subs},
                       reviews, fixed, anonymise, history.last_work(store, ws.id),
                       tuple(roleplay.for_activity(store, ws.id)))
