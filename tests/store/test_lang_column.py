"""Schema 6: the trainee's UI language, kept with their token."""

from __future__ import annotations

from sqlalchemy import text

from kit.store import Store, participants, workshops
from kit.store.schema import SCHEMA_VERSION


def test_a_version_3_store_gains_the_trainees_language(store_url: str) -> None:
    old = Store(store_url)
    ws, _ = workshops.create(old, "旧场次", (3,))
    old.write(lambda c: c.execute(text("ALTER TABLE participants DROP COLUMN lang")))
    old.write(lambda c: c.execute(text("UPDATE kit_meta SET value = '3' "
                                       "WHERE key = 'schema_version'")))
    old.dispose()
    new = Store(store_url)
    assert participants.join(new, ws.id, "张三")[0].lang == ""
    assert participants.join(new, ws.id, "Alex", lang="en")[0].lang == "en"
    version = new.read(lambda c: c.execute(text(
        "SELECT value FROM kit_meta WHERE key = 'schema_version'")).scalar())
    assert version == str(SCHEMA_VERSION)
    new.dispose()
