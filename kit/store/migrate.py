"""Schema upgrades: an older store moves up to ``SCHEMA_VERSION`` one step at a time.

``metadata.create_all`` adds whole new tables by itself, so a version that only adds tables needs
no step here. A step changes tables that already exist (a new column, a new unique index). Steps
run once, in the transaction that found the older version, under the schema lock.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection, inspect, select, update

Step = Callable[[Connection], None]


def _v2(conn: Connection) -> None:
    """Calibrations belong to a workshop; one review per allocation; events say who and why;
    group drafts carry their group; a countdown can pause; the projector has its own view."""
    sql = conn.exec_driver_sql
    sql("ALTER TABLE calibrations ADD COLUMN workshop_id INTEGER NOT NULL DEFAULT 0")
    sql("UPDATE calibrations SET workshop_id = (SELECT p.workshop_id FROM participants p"
        " WHERE p.id = calibrations.participant_id)")
    sql("CREATE INDEX ix_calibrations_workshop ON calibrations (workshop_id, activity_id)")
    sql("DELETE FROM reviews WHERE id NOT IN (SELECT MIN(id) FROM reviews GROUP BY allocation_id)")
    sql("CREATE UNIQUE INDEX ux_reviews_allocation ON reviews (allocation_id)")
    sql("ALTER TABLE events ADD COLUMN role VARCHAR(16) NOT NULL DEFAULT ''")
    sql("ALTER TABLE events ADD COLUMN detail TEXT NOT NULL DEFAULT ''")
    sql("ALTER TABLE submissions ADD COLUMN group_no INTEGER")
    sql("ALTER TABLE workshops ADD COLUMN timer_left FLOAT")
    sql("ALTER TABLE workshops ADD COLUMN showcase_activity VARCHAR(64)")
    sql("ALTER TABLE workshops ADD COLUMN showcase_author INTEGER")
    sql("ALTER TABLE workshops ADD COLUMN projector_names INTEGER NOT NULL DEFAULT 0")
    sql("ALTER TABLE activity_states ADD COLUMN focus INTEGER NOT NULL DEFAULT 0")
    _group_items(conn)


def _group_items(conn: Connection) -> None:
    """Version 1 wrote a group's draft under the item id ``case#g3``: now item ``case``, group 3."""
    from kit.store.schema import autosaves, submissions

    for table in (submissions, autosaves):
        c = table.c
        rows = conn.execute(select(table).where(c.item_id.like("%#g%"))).all()
        for row in rows:
            case, _, group = row.item_id.partition("#g")
            keys = [col == getattr(row, col.name) for col in table.primary_key.columns]
            values: dict[str, object] = {"item_id": case}
            if table is submissions:
                values["group_no"] = int(group)
            conn.execute(update(table).where(*keys).values(**values))


def _instructor_name(conn: Connection) -> None:
    """3: workshops carry the instructor's name for the session report's cover."""
    conn.exec_driver_sql(
        "ALTER TABLE workshops ADD COLUMN instructor VARCHAR(40) NOT NULL DEFAULT ''")


def _participant_lang(conn: Connection) -> None:
    """6: a trainee's UI language, chosen on the join form ('' is the server's default).

    Skipped where the column is already there (a store from a branch that added it first)."""
    if "lang" in {c["name"] for c in inspect(conn).get_columns("participants")}:
        return
    conn.exec_driver_sql(
        "ALTER TABLE participants ADD COLUMN lang VARCHAR(8) NOT NULL DEFAULT ''")


#: version → the change that takes a store from ``version - 1`` to ``version``.
STEPS: dict[int, Step] = {2: _v2, 3: _instructor_name, 6: _participant_lang}


def upgrade(conn: Connection, found: int, target: int) -> None:
    """Run every step after ``found`` up to ``target``, oldest first."""
    for version in range(found + 1, target + 1):
        step = STEPS.get(version)
        if step is not None:
            step(conn)
