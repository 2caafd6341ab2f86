"""Problems the kit logged, per workshop: the console's 问题 panel reads them here."""

from __future__ import annotations

import time
from dataclasses import dataclass

from sqlalchemy import insert, select

from kit.store.db import Store
from kit.store.schema import events

E = events.c
SUMMARY_MAX, DETAIL_MAX = 300, 20_000


@dataclass(frozen=True)
class Event:
    id: int
    created_at: float
    role: str
    summary: str
    detail: str
    participant_id: int | None


def record(store: Store, workshop_id: int | None, participant_id: int | None, role: str,
           summary: str, detail: str = "", kind: str = "error") -> None:
    values = dict(workshop_id=workshop_id, participant_id=participant_id, kind=kind[:16],
                  role=role[:16], message=summary[:SUMMARY_MAX], detail=detail[-DETAIL_MAX:],
                  created_at=time.time())
    store.write(lambda c: c.execute(insert(events).values(**values)))


def recent(store: Store, workshop_id: int, after_id: int = 0, limit: int = 50) -> list[Event]:
    """This workshop's problems newer than ``after_id``, newest first."""
    query = (select(E.id, E.created_at, E.role, E.message, E.detail, E.participant_id)
             .where(E.workshop_id == workshop_id, E.id > after_id)
             .order_by(E.id.desc()).limit(limit))
    return [Event(*row) for row in store.read(lambda c: c.execute(query).all())]
