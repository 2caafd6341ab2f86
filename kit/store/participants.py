"""Trainees: join with a code, come back with a token, roster for the console."""

from __future__ import annotations

import time
from typing import Any

from sqlalchemy import Connection, insert, select, update
from sqlalchemy.exc import IntegrityError

from kit.i18n import _
from kit.logic.text import NAME_MAX, InputProblem, clean_name, clean_staff_id, name_key
from kit.store import ids
from kit.store.db import Store
from kit.store.records import Participant
from kit.store.schema import participants, tokens
from kit.store.workshops import bump

P = participants.c


class NameTaken(InputProblem):
    pass


def _record(row: Any) -> Participant:
    return Participant(row.id, row.workshop_id, row.name, row.group_no, row.joined_at,
                       row.last_seen, row.activity_id, row.status, row.staff_id, row.lang)


def _issue_token(conn: Connection, participant_id: int) -> str:
    token = ids.new_token()
    conn.execute(insert(tokens).values(token_hash=ids.digest(token),
                                       participant_id=participant_id, created_at=time.time()))
    return token


def join(store: Store, workshop_id: int, raw_name: str, hub_user: str | None = None,
         staff_id: str = "", lang: str = "") -> tuple[Participant, str]:
    """Join a workshop; return the participant and a fresh token for their URL.

    A JupyterHub user joins under their hub name: shortened for display when long (hub names
    may be longer than a typed name may), the full name kept as their identity."""
    name = hub_name(hub_user) if hub_user else clean_name(raw_name)
    key = hub_key(hub_user) if hub_user else name_key(name)
    staff = clean_staff_id(staff_id)

    def add(conn: Connection) -> tuple[int, str]:
        if hub_user:
            found = conn.execute(select(P.id).where(P.workshop_id == workshop_id,
                                                    P.hub_user == hub_user)).scalar()
            if found is not None:
                return int(found), _issue_token(conn, int(found))
        now = time.time()
        pid = conn.execute(insert(participants).values(
            workshop_id=workshop_id, name=name, name_key=key, hub_user=hub_user,
            staff_id=staff, lang=lang[:8],
            joined_at=now, last_seen=now, status="joined")).inserted_primary_key
        assert pid is not None
        pid = pid[0]
        return int(pid), _issue_token(conn, int(pid))

    try:
        pid, token = store.write(add)
    except IntegrityError as exc:
        raise NameTaken(_("「{name}」已在本场,请换一个名称或加上工号,例如「{name} 1023」").format(
            name=name)) from exc
    return get(store, pid), token


def hub_name(hub_user: str) -> str:
    """A hub user's display name: the hub name, shortened to the name limit with an ellipsis."""
    full = " ".join(hub_user.split())
    return full if len(full) <= NAME_MAX else full[:NAME_MAX - 1] + "…"


def hub_key(hub_user: str) -> str:
    """The roster key of a hub user: unique per hub name however long, and never equal to a
    typed name's key (typed names lose their control characters; this one starts with one)."""
    folded = hub_user.casefold()
    return "\x01" + (folded if len(folded) < 40 else ids.digest(folded)[:39])


def by_token(store: Store, workshop_id: int, token: str) -> Participant | None:
    """The participant a token belongs to, in this workshop only; ``None`` if stale or forged."""
    if not token or len(token) > 64:
        return None

    def find(conn: Connection) -> Any:
        return conn.execute(select(participants).join(tokens).where(
            tokens.c.token_hash == ids.digest(token), P.workshop_id == workshop_id)).first()

    row = store.read(find)
    return _record(row) if row is not None else None


def get(store: Store, participant_id: int) -> Participant:
    return _record(store.read(lambda c: c.execute(
        select(participants).where(P.id == participant_id)).one()))


def roster(store: Store, workshop_id: int) -> list[Participant]:
    rows = store.read(lambda c: c.execute(select(participants).where(
        P.workshop_id == workshop_id).order_by(P.joined_at)).all())
    return [_record(r) for r in rows]


def touch(store: Store, participant_id: int, activity_id: str | None, status: str) -> None:
    """Heartbeat: what the trainee is doing now (joined/working/submitted/reviewing)."""
    store.write(lambda c: c.execute(update(participants).where(P.id == participant_id).values(
        last_seen=time.time(), activity_id=activity_id, status=status)))


def set_groups(store: Store, workshop_id: int, groups: dict[int, int | None]) -> None:
    """participant id → group number (``None`` for no group), in one transaction."""

    def assign(conn: Connection) -> None:
        for pid, group_no in groups.items():
            conn.execute(update(participants).where(
                P.id == pid, P.workshop_id == workshop_id).values(group_no=group_no))
        bump(conn, workshop_id)

    store.write(assign)
