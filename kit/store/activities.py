"""Activity pacing: waiting → open → closed → revealed, changed only by the instructor."""

from __future__ import annotations

import time

from sqlalchemy import Connection, select, update

from kit.store.db import Store
from kit.store.schema import activity_states
from kit.store.workshops import bump

STATES = ("waiting", "open", "closed", "revealed")
A = activity_states.c


class BadTransition(ValueError):
    pass


def allowed(current: str, new: str) -> bool:
    """Forward one step, reopen a closed activity, or go back to waiting from open."""
    moves = {("waiting", "open"), ("open", "closed"), ("closed", "revealed"),
             ("closed", "open"), ("open", "waiting"), ("revealed", "closed")}
    return (current, new) in moves


def state_of(conn: Connection, workshop_id: int, activity_id: str) -> str:
    value = conn.execute(select(A.state).where(
        A.workshop_id == workshop_id, A.activity_id == activity_id)).scalar()
    return str(value) if value else "waiting"


def set_state(store: Store, workshop_id: int, activity_id: str, new: str) -> str:
    if new not in STATES:
        raise BadTransition(f"未知状态 {new}")

    def change(conn: Connection) -> str:
        current = state_of(conn, workshop_id, activity_id)
        if current == new:
            return new  # a second click changes nothing
        if not allowed(current, new):
            raise BadTransition(f"不能从「{current}」变为「{new}」")
        values = dict(state=new, changed_at=time.time())
        done = conn.execute(update(activity_states).where(
            A.workshop_id == workshop_id, A.activity_id == activity_id).values(**values))
        if done.rowcount == 0:
            conn.execute(activity_states.insert().values(
                workshop_id=workshop_id, activity_id=activity_id, **values))
        bump(conn, workshop_id)
        return new

    return store.write(change)
