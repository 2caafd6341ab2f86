"""Schema upgrades: an older store moves up to ``SCHEMA_VERSION`` one step at a time.

``metadata.create_all`` adds whole new tables by itself, so a version that only adds tables needs
no step here. A step changes tables that already exist (a new column, a new unique index). Steps
run once, in the transaction that found the older version, under the schema lock.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection

Step = Callable[[Connection], None]



def _instructor_name(conn: Connection) -> None:
    """3: workshops carry the instructor's name for the session report's cover."""
    conn.exec_driver_sql(
        "ALTER TABLE workshops ADD COLUMN instructor VARCHAR(40) NOT NULL DEFAULT ''")


#: version → the change that takes a store from ``version - 1`` to ``version``.
STEPS: dict[int, Step] = {3: _instructor_name}


def upgrade(conn: Connection, found: int, target: int) -> None:
    """Run every step after ``found`` up to ``target``, oldest first."""
    for version in range(found + 1, target + 1):
        step = STEPS.get(version)
        if step is not None:
            step(conn)
