"""Role-play attempts (情景演练): one row per attempt, rewritten as it goes.

Every write sends the whole attempt so far and is kept only if it *extends* what is stored
(the stored replies are a prefix of the new ones): a double click, a second tab or a retry
adds nothing, and an attempt never goes backwards. The caller adopts what the store returns.
A group's shared attempt is an attempt of its driver plus a ``group_plays`` row: the group's
attempt number, who drives, and who was in the group while it played.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select

from kit.i18n import N_, _
from kit.logic.roleplay_play import Attempt, Step
from kit.logic.roleplay_profile import Profile
from kit.store.activities import state_of
from kit.store.db import Store
from kit.store.schema import attempts, group_plays
from kit.store.work import ActivityNotOpen

A, G = attempts.c, group_plays.c
PLAYABLE = ("open", "revealed")
NOT_OPEN = {"waiting": N_("本活动尚未开放,请等待讲师开始"), "closed": N_("本活动已结束,不能再演练")}


@dataclass(frozen=True)
class Played:
    """One stored attempt; ``group_no`` is set on a group's shared attempt."""

    id: int
    participant_id: int
    activity_id: str
    attempt: Attempt
    finished: bool
    started_at: float
    updated_at: float
    group_no: int | None = None
    members: tuple[int, ...] = ()


def _attempt(row: Any, number: int | None = None) -> Attempt:
    steps = tuple(Step(**s) for s in json.loads(row.steps))
    return Attempt(row.scenario_id, number or row.number, steps, row.ending, bool(row.forced),
                   row.score, Profile.from_dict(json.loads(row.profile)))


def _played(row: Any) -> Played:
    group = getattr(row, "group_no", None)
    members = tuple(json.loads(row.members)) if group is not None else ()
    number = row.group_number if group is not None else None
    return Played(row.id, row.participant_id, row.activity_id, _attempt(row, number),
                  bool(row.finished), row.started_at, row.updated_at, group, members)


def _query() -> Any:
    return (select(attempts, G.group_no, G.number.label("group_number"), G.members,
                   G.driver_id).outerjoin(group_plays, G.attempt_id == A.id))


def _values(attempt: Attempt, finished: bool) -> dict[str, Any]:
    data = attempt.to_dict()
    return dict(steps=_dumps(data["steps"]), mood=_dumps(data["mood"]), score=attempt.score,
                ending=attempt.ending, forced=int(attempt.forced), finished=int(finished),
                profile=_dumps(data["profile"]), updated_at=time.time())


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _extends(row: Any, attempt: Attempt) -> bool:
    """The new attempt carries every stored reply and at least one more."""
    old = [(s["node"], s["choice"]) for s in json.loads(row.steps)]
    new = [(s.node, s.choice) for s in attempt.steps]
    return len(new) > len(old) and new[:len(old)] == old


def _check_open(conn: Connection, workshop_id: int, activity_id: str) -> None:
    state = state_of(conn, workshop_id, activity_id)
    if state not in PLAYABLE:
        raise ActivityNotOpen(_(NOT_OPEN.get(state, NOT_OPEN["closed"])))


def _by_id(conn: Connection, attempt_id: int) -> Played:
    return _played(conn.execute(_query().where(A.id == attempt_id)).one())


def _write(conn: Connection, row: Any, workshop_id: int, participant_id: int,
           activity_id: str, number: int, attempt: Attempt, finished: bool) -> int:
    """Insert the attempt, or extend the stored one; the row's id."""
    if row is None:
        now = time.time()
        return int(conn.execute(attempts.insert().values(
            workshop_id=workshop_id, participant_id=participant_id, activity_id=activity_id,
            scenario_id=attempt.scenario_id, number=number, started_at=now,
            **_values(attempt, finished))).inserted_primary_key[0])  # type: ignore[index]
    if _extends(row, attempt) and not row.finished:
        conn.execute(attempts.update().where(A.id == row.id).values(**_values(attempt,
                                                                              finished)))
    return int(row.id)


def save(store: Store, workshop_id: int, participant_id: int, activity_id: str,
         attempt: Attempt, finished: bool) -> Played:
    """Store one player's attempt so far (idempotent; never goes backwards)."""

    def run(conn: Connection) -> Played:
        _check_open(conn, workshop_id, activity_id)
        row = conn.execute(select(attempts).where(
            A.participant_id == participant_id, A.activity_id == activity_id,
            A.number == attempt.number)).first()
        return _by_id(conn, _write(conn, row, workshop_id, participant_id, activity_id,
                                   attempt.number, attempt, finished))

    return store.write(run)


def mine(store: Store, participant_id: int, activity_id: str) -> list[Played]:
    """One player's own attempts (not their group's), oldest first."""
    return store.read(lambda c: [_played(r) for r in c.execute(_query().where(
        A.participant_id == participant_id, A.activity_id == activity_id,
        G.id.is_(None)).order_by(A.number)).all()])


def for_activity(store: Store, workshop_id: int, activity_id: str | None = None
                 ) -> list[Played]:
    """Every attempt of a workshop (or of one activity), solo and group, oldest first."""
    query = _query().where(A.workshop_id == workshop_id)
    if activity_id is not None:
        query = query.where(A.activity_id == activity_id)
    return store.read(lambda c: [_played(r) for r in c.execute(query.order_by(A.id)).all()])


def finishers(store: Store, workshop_id: int) -> dict[str, set[int]]:
    """activity → who has finished an attempt: alone, or as a member of the group that did."""
    query = (select(A.activity_id, A.participant_id, G.members)
             .outerjoin(group_plays, G.attempt_id == A.id)
             .where(A.workshop_id == workshop_id, A.finished == 1))
    out: dict[str, set[int]] = {}
    for activity_id, pid, members in store.read(lambda c: c.execute(query).all()):
        out.setdefault(activity_id, set()).update(json.loads(members) if members else [pid])
    return out
