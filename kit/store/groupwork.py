"""Group drafts: one draft per group, saved in turn; a stale save is refused, never lost."""

from __future__ import annotations

import time
import uuid
import zlib
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, func, select

from kit.store.activities import state_of
from kit.store.db import Store
from kit.store.records import Submission
from kit.store.schema import submissions
from kit.store.work import _NOT_OPEN, ActivityNotOpen, S, _record, dumps


@dataclass(frozen=True)
class GroupSave:
    saved: Submission | None
    """The new version, or ``None`` when another member saved first (a conflict)."""
    latest: Submission | None
    """The group's latest version after this call."""


def group_latest(store: Store, workshop_id: int, activity_id: str, item_id: str,
                 group_no: int) -> Submission | None:
    row = store.read(lambda c: _group_latest(c, workshop_id, activity_id, item_id, group_no))
    return _record(row) if row is not None else None


def _group_latest(conn: Connection, workshop_id: int, activity_id: str, item_id: str,
                  group_no: int) -> Any:
    return conn.execute(select(submissions).where(
        S.workshop_id == workshop_id, S.activity_id == activity_id, S.item_id == item_id,
        S.group_no == group_no).order_by(S.version.desc(), S.id.desc()).limit(1)).first()


def submit_group(store: Store, workshop_id: int, participant_id: int, activity_id: str,
                 item_id: str, group_no: int, payload: dict[str, Any],
                 base_version: int) -> GroupSave:
    """Save the group's draft if nobody saved since ``base_version``; never overwrite."""
    text = dumps(payload)

    def save(conn: Connection) -> GroupSave:
        lock(conn, workshop_id, f"{activity_id}/{item_id}/{group_no}")
        state = state_of(conn, workshop_id, activity_id)
        if state != "open":
            raise ActivityNotOpen(_NOT_OPEN[state])
        top = _group_latest(conn, workshop_id, activity_id, item_id, group_no)
        if top is not None and top.version != base_version:
            return GroupSave(None, _record(top))
        if top is not None and top.payload == text:
            return GroupSave(_record(top), _record(top))
        conn.execute(submissions.insert().values(
            workshop_id=workshop_id, activity_id=activity_id, item_id=item_id,
            participant_id=participant_id, payload=text, submit_key=uuid.uuid4().hex,
            version=(top.version if top else 0) + 1, created_at=time.time(), group_no=group_no))
        new = _record(_group_latest(conn, workshop_id, activity_id, item_id, group_no))
        return GroupSave(new, new)

    return store.write(save)


def lock(conn: Connection, workshop_id: int, name: str) -> None:
    """Serialise writers of one thing (SQLite's BEGIN IMMEDIATE already does)."""
    if conn.dialect.name == "postgresql":
        conn.execute(select(func.pg_advisory_xact_lock(zlib.crc32(f"{workshop_id}:{name}"
                                                                  .encode()))))
