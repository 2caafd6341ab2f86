"""Reads across sessions, for records and item analysis: which sessions, and when each ended.

Everything else a session's reports need is read with the same workshop-scoped queries as one
session's export (:func:`kit.reports.data.read`), once per session.
"""

from __future__ import annotations

from sqlalchemy import Connection, func, select

from kit.store.db import Store
from kit.store.records import Workshop
from kit.store.schema import allocations, reviews, submissions, workshops
from kit.store.workshops import _record

W = workshops.c


def between(store: Store, since: float, until: float) -> list[Workshop]:
    """Sessions created in ``[since, until)`` (epoch seconds), oldest first."""
    query = (select(workshops).where(W.created_at >= since, W.created_at < until)
             .order_by(W.created_at, W.id))
    return [_record(r) for r in store.read(lambda c: c.execute(query).all())]


def last_work(store: Store, workshop_id: int) -> float | None:
    """When the last answer, draft or review of a session was saved."""

    def read(conn: Connection) -> float | None:
        s = conn.execute(select(func.max(submissions.c.created_at)).where(
            submissions.c.workshop_id == workshop_id)).scalar()
        r = conn.execute(select(func.max(reviews.c.created_at)).join(
            allocations, allocations.c.id == reviews.c.allocation_id).where(
            allocations.c.workshop_id == workshop_id)).scalar()
        found = [float(t) for t in (s, r) if t is not None]
        return max(found) if found else None

    return store.read(read)
