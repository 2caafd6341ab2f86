"""A group's shared role-play: one member drives, the others follow; the group's path is kept.

The first member to reply in a group's attempt drives it; only the driver's writes extend it.
Another member's write is refused (not an error): they get the driver's attempt to follow.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import Connection, func, select

from kit.logic.roleplay_play import Attempt
from kit.store.db import Store
from kit.store.groupwork import lock
from kit.store.roleplay import A, G, Played, _by_id, _check_open, _played, _query, _write
from kit.store.schema import attempts, group_plays, participants

P = participants.c


@dataclass(frozen=True)
class GroupPlay:
    play: Played
    driver: str
    """The driver's name."""


@dataclass(frozen=True)
class GroupSave:
    saved: bool
    """``False``: another member drives this attempt; ``current`` is theirs, unchanged."""
    current: GroupPlay


def _members(conn: Connection, workshop_id: int, group_no: int, also: str = "[]") -> str:
    now = {int(r[0]) for r in conn.execute(select(P.id).where(
        P.workshop_id == workshop_id, P.group_no == group_no)).all()}
    return json.dumps(sorted(now | set(json.loads(also))))


def _name(conn: Connection, participant_id: int) -> str:
    return str(conn.execute(select(P.name).where(P.id == participant_id)).scalar_one())


def save_group(store: Store, workshop_id: int, participant_id: int, activity_id: str,
               group_no: int, attempt: Attempt, finished: bool) -> GroupSave:
    """Extend the group's attempt ``attempt.number`` if this member drives it (or starts it)."""

    def run(conn: Connection) -> GroupSave:
        lock(conn, workshop_id, f"roleplay/{activity_id}/{group_no}")
        _check_open(conn, workshop_id, activity_id)
        gp = conn.execute(select(group_plays).where(
            G.workshop_id == workshop_id, G.activity_id == activity_id,
            G.group_no == group_no, G.number == attempt.number)).first()
        if gp is not None and gp.driver_id != participant_id:
            play = _by_id(conn, gp.attempt_id)
            return GroupSave(False, GroupPlay(play, _name(conn, gp.driver_id)))
        if gp is None:
            top = conn.execute(select(func.max(A.number)).where(
                A.participant_id == participant_id, A.activity_id == activity_id)).scalar()
            aid = _write(conn, None, workshop_id, participant_id, activity_id, (top or 0) + 1,
                         attempt, finished)
            conn.execute(group_plays.insert().values(
                workshop_id=workshop_id, activity_id=activity_id, group_no=group_no,
                number=attempt.number, attempt_id=aid, driver_id=participant_id,
                members=_members(conn, workshop_id, group_no)))
        else:
            row = conn.execute(select(attempts).where(A.id == gp.attempt_id)).one()
            _write(conn, row, workshop_id, participant_id, activity_id, row.number, attempt,
                   finished)
            conn.execute(group_plays.update().where(G.id == gp.id).values(
                members=_members(conn, workshop_id, group_no, gp.members)))
            aid = gp.attempt_id
        return GroupSave(True, GroupPlay(_by_id(conn, aid), _name(conn, participant_id)))

    return store.write(run)


def of_group(store: Store, workshop_id: int, activity_id: str,
             group_no: int) -> list[GroupPlay]:
    """The group's attempts, oldest first, each with its driver's name."""
    query = (_query().add_columns(P.name.label("driver_name"))
             .join(participants, P.id == G.driver_id)
             .where(G.workshop_id == workshop_id, G.activity_id == activity_id,
                    G.group_no == group_no).order_by(G.number))
    return store.read(lambda c: [GroupPlay(_played(r), r.driver_name)
                                 for r in c.execute(query).all()])
