"""Sessions built in memory, for testing the pure report logic without a store."""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from typing import Any

from kit.content import Course
from kit.reports.data import SessionData
from kit.store.peer import Review
from kit.store.records import Participant, Submission, Workshop

T0 = 1_780_000_000.0
_ids = itertools.count(1)



def workshop(modules: tuple[int, ...], code: str = "TESTA", wid: int = 1,
             instructor: str = "王老师", created_at: float = T0) -> Workshop:
    return Workshop(wid, code, "测试工作坊", modules, 0, "", None, "", False,
                    created_at=created_at, instructor=instructor)


def person(pid: int, name: str, staff: str = "", group: int | None = None,
           wid: int = 1) -> Participant:
    return Participant(pid, wid, name, group, T0, T0 + 3600, None, "submitted", staff)


def answer(pid: int, activity: str, item: str, answers: dict[str, list[str]],
           version: int = 1) -> Submission:
    return Submission(next(_ids), activity, item, pid, version, {"answer": answers}, T0 + 60)


def draft(pid: int, activity: str, item: str, sections: dict[str, str],
          group: int | None = None) -> Submission:
    return Submission(next(_ids), activity, item, pid, 1, {"sections": sections}, T0 + 120,
                      group)


def session(course: Course, modules: tuple[int, ...], people: Iterable[Participant],
            subs: Iterable[Submission], reviews: dict[str, list[Review]] | None = None,
            overrides: dict[str, dict[tuple[int, str], int]] | None = None,
            anonymised: bool = False, **ws: Any) -> SessionData:
    subs = tuple(subs)
    return SessionData(course, workshop(modules, **ws), tuple(people), subs,
                       {(s.participant_id, s.activity_id, s.item_id): s.version for s in subs},
                       reviews or {}, overrides or {}, anonymised, T0 + 5400)
