"""Several Voilà servers on one store: the registry, and which server each trainee sits on.

Each ``kit serve --server-id`` heartbeats here. The entry point (``/join``, which the proxy
sends to any live server) seats a trainee on the least loaded live server and redirects to its
base URL; a returning trainee (their token) goes back to the same server while it lives, and to
another one when it does not. Work is in this store, so nothing is lost by moving.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from sqlalchemy import Connection, delete, func, insert, or_, select, update
from sqlalchemy.exc import IntegrityError

from kit.store import ids
from kit.store.db import Store
from kit.store.schema import server_seats, servers

S, T = servers.c, server_seats.c
FRESH = 15.0
"""A server whose last heartbeat is older than this is taken for dead."""
HEARTBEAT = 5.0
TICKET_LIFE = 3600.0
"""A page that was sent to a server but never joined counts towards its load this long."""
LOCK = 7355609  # PostgreSQL advisory lock: one assignment at a time, so a burst spreads evenly


@dataclass(frozen=True)
class Server:
    id: str
    base_url: str
    heartbeat_at: float
    load: int


def register(store: Store, server_id: str, base_url: str) -> None:
    """A server starts: add it, or bring it back under the same id."""
    now = time.time()

    def up(conn: Connection) -> None:
        done = conn.execute(update(servers).where(S.id == server_id).values(
            base_url=base_url, started_at=now, heartbeat_at=now))
        if not done.rowcount:
            conn.execute(insert(servers).values(id=server_id, base_url=base_url,
                                                started_at=now, heartbeat_at=now, load=0))

    store.write(up)


def heartbeat(store: Store, server_id: str) -> None:
    """Still alive; the load is the number of trainees seated on this server."""

    def beat(conn: Connection) -> None:
        seated = conn.execute(select(func.count()).select_from(server_seats).where(
            T.server_id == server_id, T.participant_id.is_not(None))).scalar_one()
        conn.execute(update(servers).where(S.id == server_id).values(
            heartbeat_at=time.time(), load=int(seated)))

    store.write(beat)


def retire(store: Store, server_id: str) -> None:
    """A clean stop: no new trainee is sent here (its seated trainees move on reload)."""
    store.write(lambda c: c.execute(update(servers).where(S.id == server_id)
                                    .values(heartbeat_at=0.0)))


def live(store: Store) -> list[Server]:
    since = time.time() - FRESH
    rows = store.read(lambda c: c.execute(select(servers).where(S.heartbeat_at > since)
                                          .order_by(S.id)).all())
    return [Server(r.id, r.base_url, r.heartbeat_at, r.load) for r in rows]


def assign(store: Store, participant_id: int | None, avoid: str = "") -> tuple[Server, str] | None:
    """The server for this page, and a ticket for a page not yet joined ("" otherwise).

    A joined trainee keeps their server while it is live (and not ``avoid``: the proxy found it
    down); otherwise the least loaded live server. ``None``: no server is live."""
    now = time.time()
    seat = f"p{participant_id}" if participant_id is not None else ""

    def choose(conn: Connection) -> tuple[Server, str] | None:
        if conn.dialect.name == "postgresql":
            conn.execute(select(func.pg_advisory_xact_lock(LOCK)))
        up = {r.id: Server(r.id, r.base_url, r.heartbeat_at, r.load) for r in conn.execute(
            select(servers).where(S.heartbeat_at > now - FRESH, S.id != avoid)).all()}
        if not up:
            return None
        if seat:
            held = conn.execute(select(T.server_id).where(T.seat == seat)).scalar()
            if held in up:
                return up[held], ""
        counts: dict[str, int] = dict(conn.execute(select(T.server_id, func.count()).where(
            or_(T.participant_id.is_not(None), T.assigned_at > now - TICKET_LIFE))
            .group_by(T.server_id)).all())
        best = min(up.values(), key=lambda s: (counts.get(s.id, 0), s.id))
        if seat:
            conn.execute(delete(server_seats).where(T.seat == seat))
            conn.execute(insert(server_seats).values(seat=seat, server_id=best.id,
                                                     participant_id=participant_id,
                                                     assigned_at=now))
            return best, ""
        ticket = ids.new_token()
        conn.execute(insert(server_seats).values(seat=ids.digest(ticket), server_id=best.id,
                                                 assigned_at=now))
        return best, ticket

    return store.write(choose)


def seat(store: Store, participant_id: int, server_id: str, ticket: str = "") -> None:
    """A trainee entered on this server: their seat is here (the ticket, if any, is used up)."""
    now = time.time()

    def sit(conn: Connection) -> None:
        if ticket and len(ticket) <= 64:
            conn.execute(delete(server_seats).where(T.seat == ids.digest(ticket)))
        key = f"p{participant_id}"
        done = conn.execute(update(server_seats).where(T.seat == key).values(
            server_id=server_id, assigned_at=now))
        if not done.rowcount:
            conn.execute(insert(server_seats).values(seat=key, server_id=server_id,
                                                     participant_id=participant_id,
                                                     assigned_at=now))

    try:
        store.write(sit)
    except IntegrityError:  # the entry point seated this trainee at the same moment
        store.write(sit)


def seated(store: Store) -> dict[str, int]:
    """Server id → trainees seated on it (for the console, the watch and the tests)."""
    rows = store.read(lambda c: c.execute(select(T.server_id, func.count()).where(
        T.participant_id.is_not(None)).group_by(T.server_id)).all())
    return {str(k): int(v) for k, v in rows}
