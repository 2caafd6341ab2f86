"""Training records across sessions: one row per staff member per module (docs/records.md).

Rows are joined by staff ID (case and full-width forms ignored). Trainees who gave no staff
ID cannot be joined safely — two people may share a name — so they are listed apart, one row
per session and module, as unmatched. Pure: the sessions are read beforehand.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from kit.reports.certificates import session_date
from kit.reports.data import SessionData
from kit.reports.results import completion, module_score, session_results
from kit.store.certificates import Certificate, shown

COLUMNS = ["staff_id", "name", "module", "module_title", "sessions", "first_date", "last_date",
           "best_score", "last_score", "completion", "certificate", "last_session_code"]
UNMATCHED_COLUMNS = ["name", "session_code", "date", "module", "module_title", "score",
                     "completion", "certificate"]


@dataclass(frozen=True)
class Attempt:
    """One trainee, one module, one session."""

    staff_id: str
    name: str
    session_code: str
    date: str
    created_at: float
    module: int
    module_title: str
    score: float | None
    completion: float
    certificate: str


def staff_key(staff_id: str) -> str:
    return unicodedata.normalize("NFKC", staff_id).strip().upper()


def attempts(d: SessionData, certs: Sequence[Certificate]) -> list[Attempt]:
    results, date = session_results(d), session_date(d)
    codes = {(c.participant_id, c.details.module): shown(c.code) for c in certs
             if c.workshop_id == d.workshop.id}
    out = []
    for number in d.workshop.modules:
        module = d.course.module(number)
        ids = {a.id for a in module.activities}
        for p in d.people:
            mine = {k: r for k, r in results[p.id].items() if k in ids}
            out.append(Attempt(staff_key(p.staff_id), p.name, d.workshop.code, date,
                               d.workshop.created_at, number, module.title,
                               module_score(d, number, mine), completion(mine),
                               codes.get((p.id, number), "")))
    return out


def _round(value: float | None) -> float | str:
    return "" if value is None else round(value, 3)


def _row(group: list[Attempt]) -> dict[str, Any]:
    group = sorted(group, key=lambda a: (a.created_at, a.session_code))
    last = group[-1]
    scores = [a.score for a in group if a.score is not None]
    certified = [a.certificate for a in group if a.certificate]
    return {"staff_id": last.staff_id, "name": last.name, "module": last.module,
            "module_title": last.module_title, "sessions": len(group),
            "first_date": group[0].date, "last_date": last.date,
            "best_score": _round(max(scores) if scores else None),
            "last_score": _round(last.score), "completion": round(max(a.completion for a in
                                                                     group), 3),
            "certificate": certified[-1] if certified else "",
            "last_session_code": last.session_code}


def records(all_attempts: Sequence[Attempt]) -> tuple[list[dict[str, Any]],
                                                      list[dict[str, Any]]]:
    """(rows by staff ID and module, unmatched rows), both sorted for stable files."""
    groups: dict[tuple[str, int], list[Attempt]] = {}
    for a in (a for a in all_attempts if a.staff_id):
        groups.setdefault((a.staff_id, a.module), []).append(a)
    matched = [_row(groups[k]) for k in sorted(groups)]
    unmatched = [{"name": a.name, "session_code": a.session_code, "date": a.date,
                  "module": a.module, "module_title": a.module_title,
                  "score": _round(a.score), "completion": round(a.completion, 3),
                  "certificate": a.certificate}
                 for a in sorted((a for a in all_attempts if not a.staff_id),
                                 key=lambda a: (a.created_at, a.session_code, a.name, a.module))]
    return matched, unmatched
