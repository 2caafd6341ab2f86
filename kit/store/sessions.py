"""Page tokens: a console session traded once for the instructor key, and the projector link.

The key itself never travels in a URL. A token is random, stored only as its hash, bound to one
workshop and one kind, and stops working when revoked or when it expires.
"""

from __future__ import annotations

import time

from sqlalchemy import Connection, insert, select, update

from kit.store import ids
from kit.store.db import Store
from kit.store.records import Workshop
from kit.store.schema import page_tokens
from kit.store.workshops import get, open_as_instructor

T = page_tokens.c
KINDS = ("console", "projector")
LIFETIME = 3 * 24 * 3600.0
"""A workshop runs a day or two; a token outlives it by a little, never by months."""


def issue(store: Store, workshop_id: int, kind: str, lifetime: float = LIFETIME) -> str:
    if kind not in KINDS:
        raise ValueError(kind)
    token, now = ids.new_token(), time.time()
    store.write(lambda c: c.execute(insert(page_tokens).values(
        token_hash=ids.digest(token), workshop_id=workshop_id, kind=kind, created_at=now,
        expires_at=now + lifetime)))
    return token


def console_login(store: Store, code: str, key: str) -> tuple[Workshop, str]:
    """Check the key once; return the workshop and a new console session token."""
    ws = open_as_instructor(store, code, key)
    return ws, issue(store, ws.id, "console")


def resolve(store: Store, token: str, kind: str) -> Workshop | None:
    """The workshop a live token of ``kind`` opens, else ``None``."""
    if not token or len(token) > 64:
        return None
    now = time.time()
    found = store.read(lambda c: c.execute(select(T.workshop_id).where(
        T.token_hash == ids.digest(token), T.kind == kind, T.revoked_at.is_(None),
        T.expires_at > now)).scalar())
    return None if found is None else get(store, int(found))


def revoke(store: Store, workshop_id: int, kind: str) -> int:
    """End every token of ``kind`` for the workshop; return how many were live."""
    now = time.time()

    def end(conn: Connection) -> int:
        done = conn.execute(update(page_tokens).where(
            T.workshop_id == workshop_id, T.kind == kind, T.revoked_at.is_(None))
            .values(revoked_at=now))
        return int(done.rowcount)

    return store.write(end)
