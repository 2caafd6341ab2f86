"""Activity pacing in the store; the moves themselves are :mod:`kit.logic.phases`."""

from __future__ import annotations

import time

from sqlalchemy import Connection, select, update

from kit.i18n import _
from kit.logic.phases import NAMES, Phase, allowed, parse
from kit.logic.text import InputProblem
from kit.store.db import Store
from kit.store.schema import activity_states
from kit.store.workshops import bump

A = activity_states.c


class BadTransition(InputProblem):
    pass


def state_of(conn: Connection, workshop_id: int, activity_id: str) -> Phase:
    value = conn.execute(select(A.state).where(
        A.workshop_id == workshop_id, A.activity_id == activity_id)).scalar()
    return parse(value)


def set_state(store: Store, workshop_id: int, activity_id: str, new: Phase | str) -> Phase:
    try:
        target = Phase(new)
    except ValueError:
        raise BadTransition(_("未知状态 {state}").format(state=new)) from None

    def change(conn: Connection) -> Phase:
        current = state_of(conn, workshop_id, activity_id)
        if current == target:
            return target  # a second click changes nothing
        if not allowed(current, target):
            raise BadTransition(_("不能从「{current}」变为「{target}」").format(
                current=_(NAMES[current]), target=_(NAMES[target])))
        values = dict(state=target.value, changed_at=time.time())
        done = conn.execute(update(activity_states).where(
            A.workshop_id == workshop_id, A.activity_id == activity_id).values(**values))
        if done.rowcount == 0:
            conn.execute(activity_states.insert().values(
                workshop_id=workshop_id, activity_id=activity_id, **values))
        bump(conn, workshop_id)
        return target

    return store.write(change)


def set_focus(store: Store, workshop_id: int, activity_id: str, index: int) -> None:
    """The question of ``activity_id`` the projector shows (0 = the first)."""

    def change(conn: Connection) -> None:
        done = conn.execute(update(activity_states).where(
            A.workshop_id == workshop_id, A.activity_id == activity_id).values(focus=index))
        if done.rowcount:
            bump(conn, workshop_id)

    store.write(change)
