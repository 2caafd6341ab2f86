"""Certificates: one per trainee, module and session, checked by their verification code.

The code is an HMAC-SHA256 of everything the certificate states, under a secret that the store
keeps in ``kit_meta`` (made on the first certificate), written in the join-code alphabet:
12 characters, about 55 bits. A code typed with one character changed is not found; a row whose
details were edited in the database no longer matches its code. Only someone who can read the
store's secret could make a code that verifies, so keep the store as private as the exports.
"""

from __future__ import annotations

import hmac
import secrets
import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import Connection, insert, select, update
from sqlalchemy.exc import IntegrityError

from kit.i18n import _
from kit.store.certificate_codes import CODE_CHARS, Details, shown, sign
from kit.store.db import Store
from kit.store.ids import normalise_code
from kit.store.schema import certificates, meta, workshops

__all__ = ["Certificate", "Check", "Details", "issue", "of_workshops", "revoke_others", "shown",
           "verify"]
C = certificates.c
SECRET_KEY = "certificate_secret"


@dataclass(frozen=True)
class Certificate:
    code: str
    details: Details
    workshop_id: int
    participant_id: int
    revoked: bool = False


@dataclass(frozen=True)
class Check:
    """``genuine``; ``unknown`` (no such code); ``altered`` (the record no longer matches its
    code); ``revoked`` (a later export found the trainee no longer passes)."""

    status: Literal["genuine", "unknown", "altered", "revoked"]
    certificate: Certificate | None = None


def _secret(conn: Connection, create: bool) -> str | None:
    found = conn.execute(select(meta.c.value).where(meta.c.key == SECRET_KEY)).scalar()
    if found is None and create:
        found = secrets.token_hex(32)
        conn.execute(insert(meta).values(key=SECRET_KEY, value=found))
    return None if found is None else str(found)


def _details(row: Any) -> Details:
    return Details(row.workshop_code, row.name, row.staff_id, row.module, row.module_title,
                   row.issued_on, row.band)


def _record(row: Any) -> Certificate:
    return Certificate(row.code, _details(row), row.workshop_id, row.participant_id,
                       row.revoked_at is not None)


def _select() -> Any:
    return select(certificates, workshops.c.code.label("workshop_code")).join(
        workshops, workshops.c.id == C.workshop_id)


def issue(store: Store, workshop_id: int, participant_id: int, details: Details) -> Certificate:
    """Issue (or re-issue) a certificate; the same details again return the same code."""
    for _attempt in range(3):  # two servers making the secret at once, or a code drawn twice
        try:
            return store.write(lambda c: _issue(c, workshop_id, participant_id, details))
        except IntegrityError:
            continue
    raise RuntimeError(_("无法生成证书验证码,请再试一次"))


def _issue(conn: Connection, workshop_id: int, participant_id: int,
           details: Details) -> Certificate:
    secret = _secret(conn, create=True)
    assert secret is not None
    row = conn.execute(_select().where(C.workshop_id == workshop_id, C.participant_id ==
                                       participant_id, C.module == details.module)).first()
    if row is not None and _details(row) == details and row.revoked_at is None:
        return _record(row)
    nonce = secrets.token_hex(8)
    values = dict(code=sign(secret, details, nonce), nonce=nonce, name=details.name,
                  staff_id=details.staff_id, module_title=details.module_title,
                  issued_on=details.issued_on, band=details.band, revoked_at=None)
    if row is None:
        conn.execute(insert(certificates).values(
            workshop_id=workshop_id, participant_id=participant_id, module=details.module,
            created_at=time.time(), **values))
    else:  # the band or the name changed since the last export: the old code stops verifying
        conn.execute(update(certificates).where(C.id == row.id).values(**values))
    return Certificate(str(values["code"]), details, workshop_id, participant_id)


def revoke_others(store: Store, workshop_id: int, modules: Iterable[int],
                  keep: set[tuple[int, int]]) -> int:
    """Revoke this session's certificates for ``modules`` except (participant, module) in
    ``keep``: someone whose score fell below the pass mark after an override. Returns how many."""
    mods = list(modules)

    def revoke(conn: Connection) -> int:
        rows = conn.execute(select(C.id, C.participant_id, C.module).where(
            C.workshop_id == workshop_id, C.module.in_(mods), C.revoked_at.is_(None))).all()
        gone = [r.id for r in rows if (r.participant_id, r.module) not in keep]
        if gone:
            conn.execute(update(certificates).where(C.id.in_(gone)).values(
                revoked_at=time.time()))
        return len(gone)

    return store.write(revoke)


def verify(store: Store, code: str) -> Check:
    """Look a code up and check that the record still matches it."""
    norm = normalise_code(code)
    if len(norm) != CODE_CHARS:
        return Check("unknown")

    def read(conn: Connection) -> Check:
        row = conn.execute(_select().where(C.code == norm)).first()
        secret = _secret(conn, create=False)
        if row is None or secret is None:
            return Check("unknown")
        cert = _record(row)
        if not hmac.compare_digest(sign(secret, cert.details, row.nonce), norm):
            return Check("altered", cert)
        return Check("revoked" if cert.revoked else "genuine", cert)

    return store.read(read)


def of_workshops(store: Store, workshop_ids: Iterable[int]) -> list[Certificate]:
    """Every certificate issued in these sessions that is still valid."""
    ids = list(workshop_ids)
    rows = store.read(lambda c: c.execute(_select().where(
        C.workshop_id.in_(ids), C.revoked_at.is_(None)).order_by(C.id)).all())
    return [_record(r) for r in rows]
