"""Certificates in the store (SQLite and PostgreSQL): genuine codes verify, forged or edited
ones do not; re-issuing is idempotent; the instructor column arrives by migration."""

from __future__ import annotations

import dataclasses

from sqlalchemy import text, update

from kit.store import Store, certificates, participants, workshops
from kit.store.certificates import Details
from kit.store.ids import CODE_ALPHABET
from kit.store.schema import SCHEMA_VERSION
from kit.store.schema import certificates as table


def _issued(store: Store) -> tuple[int, int, Details, certificates.Certificate]:
    ws, _ = workshops.create(store, "支行培训", (1,), instructor="王老师")
    p, _ = participants.join(store, ws.id, "张伟", staff_id="A1023")
    details = Details(ws.code, "张伟", "A1023", 1, "金融消费者权益保护政策解读", "2026-03-01",
                      "良好")
    return ws.id, p.id, details, certificates.issue(store, ws.id, p.id, details)


def test_a_genuine_code_verifies_and_reissuing_keeps_it(store: Store) -> None:
    wid, pid, details, cert = _issued(store)
    assert len(cert.code) == 12 and set(cert.code) <= set(CODE_ALPHABET)
    check = certificates.verify(store, certificates.shown(cert.code).lower())
    assert check.status == "genuine" and check.certificate is not None
    assert check.certificate.details == details
    assert certificates.issue(store, wid, pid, details).code == cert.code
    assert [c.code for c in certificates.of_workshops(store, [wid])] == [cert.code]


def test_forged_and_edited_codes_do_not_verify(store: Store) -> None:
    _, _, _, cert = _issued(store)
    assert certificates.verify(store, "ACDE-FGHJ-KMNP").status == "unknown"
    last = cert.code[-1]
    edited = cert.code[:-1] + (CODE_ALPHABET[0] if last != CODE_ALPHABET[0] else CODE_ALPHABET[1])
    assert certificates.verify(store, edited).status == "unknown"
    assert certificates.verify(store, cert.code[:-1]).status == "unknown"
    assert certificates.verify(store, "").status == "unknown"


def test_a_record_edited_in_the_database_is_not_genuine(store: Store) -> None:
    _, _, _, cert = _issued(store)
    store.write(lambda c: c.execute(update(table).where(table.c.code == cert.code)
                                    .values(band="优秀")))
    assert certificates.verify(store, cert.code).status == "altered"


def test_a_changed_band_reissues_and_a_failed_trainee_is_revoked(store: Store) -> None:
    wid, pid, details, cert = _issued(store)
    better = certificates.issue(store, wid, pid, dataclasses.replace(details, band="优秀"))
    assert better.code != cert.code
    assert certificates.verify(store, cert.code).status == "unknown"
    assert certificates.revoke_others(store, wid, [1], keep=set()) == 1
    assert certificates.verify(store, better.code).status == "revoked"
    assert certificates.of_workshops(store, [wid]) == []
    again = certificates.issue(store, wid, pid, dataclasses.replace(details, band="优秀"))
    assert certificates.verify(store, again.code).status == "genuine"


def test_a_version_2_store_gains_the_instructor_column(store_url: str) -> None:
    old = Store(store_url)
    ws, _ = workshops.create(old, "旧场次", (3,))
    old.write(lambda c: c.execute(text("ALTER TABLE workshops DROP COLUMN instructor")))
    old.write(lambda c: c.execute(text("UPDATE kit_meta SET value = '2' "
                                       "WHERE key = 'schema_version'")))
    old.dispose()
    new = Store(store_url)
    assert workshops.get(new, ws.id).instructor == ""
    assert workshops.create(new, "新场次", (3,), instructor="李老师")[0].instructor == "李老师"
    version = new.read(lambda c: c.execute(text(
        "SELECT value FROM kit_meta WHERE key = 'schema_version'")).scalar())
    assert version == str(SCHEMA_VERSION)
    new.dispose()
