"""Trainee work: append-only submission versions and autosaved work in progress."""

from __future__ import annotations

import importlib
import json
import time
from typing import Any

from sqlalchemy import Connection, Table, and_, func, select
from sqlalchemy.exc import IntegrityError

from kit.i18n import N_, _
from kit.logic.text import InputProblem
from kit.store.activities import state_of
from kit.store.db import Store
from kit.store.records import Submission
from kit.store.schema import autosaves, submissions

S = submissions.c
PAYLOAD_MAX = 400_000


class ActivityNotOpen(InputProblem):
    pass


_NOT_OPEN = {"waiting": N_("本活动尚未开放,请等待讲师开始"),
             "closed": N_("本活动已关闭,不能再提交"),
             "revealed": N_("本活动已公布答案,不能再提交")}


def dumps(payload: dict[str, Any]) -> str:
    text = json.dumps(payload, ensure_ascii=False, sort_keys=True)
    if len(text) > PAYLOAD_MAX:
        raise InputProblem(_("内容过长,无法保存"))
    return text


def _record(row: Any) -> Submission:
    return Submission(row.id, row.activity_id, row.item_id, row.participant_id, row.version,
                      json.loads(row.payload), row.created_at, row.group_no)


def _same_key(conn: Connection, pid: int, submit_key: str) -> Any:
    return conn.execute(select(submissions).where(
        S.participant_id == pid, S.submit_key == submit_key)).first()


def _latest(conn: Connection, pid: int, activity_id: str, item_id: str) -> Any:
    return conn.execute(select(submissions).where(
        S.participant_id == pid, S.activity_id == activity_id, S.item_id == item_id)
        .order_by(S.version.desc()).limit(1)).first()


def submit(store: Store, workshop_id: int, participant_id: int, activity_id: str,
           item_id: str, payload: dict[str, Any], submit_key: str) -> Submission:
    """Add a version if the activity is open. The same ``submit_key`` or unchanged content
    returns the existing version: a double click or a second tab adds nothing."""
    text = dumps(payload)

    def add(conn: Connection) -> Any:
        state = state_of(conn, workshop_id, activity_id)
        if state != "open":
            raise ActivityNotOpen(_(_NOT_OPEN[state]))
        done = _same_key(conn, participant_id, submit_key)
        latest = done or _latest(conn, participant_id, activity_id, item_id)
        if done is not None or (latest is not None and latest.payload == text):
            return latest
        values = dict(workshop_id=workshop_id, activity_id=activity_id, item_id=item_id,
                      participant_id=participant_id, payload=text, submit_key=submit_key,
                      version=(latest.version if latest else 0) + 1, created_at=time.time())
        conn.execute(submissions.insert().values(**values))
        return _same_key(conn, participant_id, submit_key)

    for _attempt in range(5):  # two tabs racing for the same version number
        try:
            return _record(store.write(add))
        except IntegrityError:
            continue
    raise InputProblem(_("提交冲突,请再试一次"))


def latest(store: Store, workshop_id: int, activity_id: str) -> list[Submission]:
    """Each participant's latest version per item of one activity."""
    top = (select(S.participant_id, S.item_id, func.max(S.version).label("v"))
           .where(S.workshop_id == workshop_id, S.activity_id == activity_id)
           .group_by(S.participant_id, S.item_id).subquery())
    query = select(submissions).join(top, and_(
        S.participant_id == top.c.participant_id, S.item_id == top.c.item_id,
        S.version == top.c.v)).where(S.activity_id == activity_id)
    return [_record(r) for r in store.read(lambda c: c.execute(query).all())]


def mine(store: Store, participant_id: int, activity_id: str) -> dict[str, Submission]:
    """This participant's latest submission per item."""
    rows = store.read(lambda c: c.execute(select(submissions).where(
        S.participant_id == participant_id, S.activity_id == activity_id)
        .order_by(S.version)).all())
    return {r.item_id: _record(r) for r in rows}


def upsert(conn: Connection, table: Table, keys: dict[str, Any], values: dict[str, Any]) -> None:
    dialect = importlib.import_module(f"sqlalchemy.dialects.{conn.dialect.name}")
    stmt = dialect.insert(table).values(**keys, **values)
    conn.execute(stmt.on_conflict_do_update(index_elements=list(keys), set_=values))


def autosave(store: Store, participant_id: int, activity_id: str, item_id: str,
             payload: dict[str, Any]) -> None:
    keys = dict(participant_id=participant_id, activity_id=activity_id, item_id=item_id)
    values = dict(payload=dumps(payload), updated_at=time.time())
    store.write(lambda c: upsert(c, autosaves, keys, values))


def restore(store: Store, participant_id: int, activity_id: str) -> dict[str, dict[str, Any]]:
    """item id → the work in progress saved last."""
    a = autosaves.c
    rows = store.read(lambda c: c.execute(select(a.item_id, a.payload).where(
        a.participant_id == participant_id, a.activity_id == activity_id)).all())
    return {r.item_id: json.loads(r.payload) for r in rows}


def answered(store: Store, workshop_id: int) -> dict[str, int]:
    """activity id → how many participants have submitted anything (one grouped query)."""
    query = (select(S.activity_id, func.count(func.distinct(S.participant_id)))
             .where(S.workshop_id == workshop_id).group_by(S.activity_id))
    return {a: int(n) for a, n in store.read(lambda c: c.execute(query).all())}


def submitters(store: Store, workshop_id: int, activity_id: str) -> set[int]:
    """Who has submitted anything to one activity."""
    query = select(func.distinct(S.participant_id)).where(
        S.workshop_id == workshop_id, S.activity_id == activity_id)
    return {int(r[0]) for r in store.read(lambda c: c.execute(query).all())}


def latest_all(store: Store, workshop_id: int) -> list[Submission]:
    """Latest version of every item of every activity in a workshop."""
    top = (select(S.participant_id, S.activity_id, S.item_id, func.max(S.version).label("v"))
           .where(S.workshop_id == workshop_id)
           .group_by(S.participant_id, S.activity_id, S.item_id).subquery())
    query = select(submissions).join(top, and_(
        S.participant_id == top.c.participant_id, S.activity_id == top.c.activity_id,
        S.item_id == top.c.item_id, S.version == top.c.v))
    return [_record(r) for r in store.read(lambda c: c.execute(query).all())]


def all_versions(store: Store, workshop_id: int) -> list[Submission]:
    """Every submission version of a workshop, oldest first (for records and timing)."""
    query = select(submissions).where(S.workshop_id == workshop_id).order_by(S.id)
    return [_record(r) for r in store.read(lambda c: c.execute(query).all())]
