"""Every session in a period, read with the same workshop-scoped queries as one export.

Records and item analysis read the store directly: whoever can open the store can read every
session in it (the instructor key guards one session's export, not the store itself).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import time
from dataclasses import dataclass

from kit.content import Course
from kit.i18n import _
from kit.logic.text import InputProblem
from kit.reports.data import SessionData, load_workshop
from kit.store import Store, history


@dataclass(frozen=True)
class Period:
    since: str
    until: str
    """Both ``YYYY-MM-DD``, both days included, in the server's local time."""

    @property
    def start(self) -> float:
        return _midnight(self.since)

    @property
    def end(self) -> float:
        return _midnight(self.until) + 86_400  # through the whole last day (DST: see below)


def _midnight(day: str) -> float:
    """Local midnight of ``day``; an hour's DST drift is harmless at day granularity."""
    return time.mktime(dt.date.fromisoformat(day).timetuple())


def period(since: str | None, until: str | None) -> Period:
    """Check the dates people type; Chinese message when one is not a date."""
    today = dt.date.today().isoformat()
    try:
        first = dt.date.fromisoformat(since or "2000-01-01").isoformat()
        last = dt.date.fromisoformat(until or today).isoformat()
    except ValueError as exc:
        raise InputProblem(_("日期格式应为 YYYY-MM-DD,例如 2026-03-01")) from exc
    if last < first:
        raise InputProblem(_("结束日期 {until} 早于开始日期 {since}").format(
            until=last, since=first))
    return Period(first, last)


def sessions(course: Course, store: Store, when: Period) -> list[SessionData]:
    """The sessions created in the period, oldest first, modules the content still has."""
    known = {m.number for m in course.modules}
    out = []
    for ws in history.between(store, when.start, when.end):
        kept = dataclasses.replace(ws, modules=tuple(m for m in ws.modules if m in known))
        out.append(load_workshop(course, store, kept))
    return out
