"""Engine, transactions and retries. Every write is one short transaction."""

from __future__ import annotations

import logging
import os
import random
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, create_engine, event, insert, select, update
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.pool import QueuePool

from kit.i18n import _
from kit.store import schema
from kit.store.migrate import upgrade

T = TypeVar("T")
log = logging.getLogger("kit.store")
RETRY_SECONDS = 8.0


class StoreUnavailable(RuntimeError):
    """The store could not be written after retries; the caller keeps the user's input."""

    def __init__(self, detail: str) -> None:
        super().__init__(_("暂时无法保存到服务器,您的内容仍在页面上,请稍后重试。({detail})").format(
            detail=detail))


def retry_budget() -> float:
    """Seconds a store call keeps retrying before it gives up (``KIT_STORE_RETRY_SECONDS``)."""
    try:
        return max(0.5, float(os.environ.get("KIT_STORE_RETRY_SECONDS", RETRY_SECONDS)))
    except ValueError:
        return RETRY_SECONDS


def _sqlite_engine(url: str, budget: float) -> Engine:
    path = url.removeprefix("sqlite:///")
    if path and path != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    wait = min(10.0, budget)  # the driver's wait on a lock is part of the retry budget
    engine = create_engine(url, connect_args={"timeout": wait, "isolation_level": None},
                           poolclass=QueuePool, pool_size=2, max_overflow=2)

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi: Any, _record: Any) -> None:
        cur = dbapi.cursor()
        for pragma in ("journal_mode=WAL", f"busy_timeout={int(wait * 1000)}",
                       "synchronous=NORMAL", "foreign_keys=ON"):
            cur.execute(f"PRAGMA {pragma}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        # Writers take the lock up front, so no reader-turned-writer deadlocks; readers don't.
        readonly = conn.get_execution_options().get("kit_readonly", False)
        conn.exec_driver_sql("BEGIN" if readonly else "BEGIN IMMEDIATE")

    return engine


def preload_driver(url: str) -> None:
    """Import the DB-API driver of the store at ``url`` without an engine or a connection
    (the fork-server parent, so that every trainee kernel shares its pages)."""
    make_url(url).get_dialect().import_dbapi()


def live_engines() -> int:
    """Engines alive in this process (the fork-server parent must hold none)."""
    import gc

    return sum(1 for obj in gc.get_objects() if isinstance(obj, Engine))


def make_engine(url: str, budget: float = RETRY_SECONDS) -> Engine:
    if url.startswith("sqlite"):
        return _sqlite_engine(url, budget)
    # One kernel per trainee: keep each kernel's share of server connections small.
    return create_engine(url, pool_size=1, max_overflow=2, pool_pre_ping=True,
                         pool_recycle=600)


def _transient(exc: DBAPIError) -> bool:
    if isinstance(exc, IntegrityError):
        return False
    return isinstance(exc, OperationalError) or exc.connection_invalidated


def retrying(fn: Callable[[], T], budget: float = RETRY_SECONDS) -> T:
    """Run ``fn``; on a locked or lost database retry with jittered backoff, then give up."""
    deadline, delay = time.monotonic() + budget, 0.02
    while True:
        try:
            return fn()
        except DBAPIError as exc:
            if not _transient(exc) or time.monotonic() + delay > deadline:
                if _transient(exc):
                    raise StoreUnavailable(type(exc.orig).__name__) from exc
                raise
            log.warning("store busy, retrying: %s", exc.orig)
            time.sleep(delay * (0.5 + random.random()))
            delay = min(delay * 2, 1.0)


class Store:
    """Owns the engine. Query modules call :meth:`write` / :meth:`read`."""

    def __init__(self, url: str, retry_seconds: float | None = None) -> None:
        self.url = url
        self.retry_seconds = retry_seconds if retry_seconds is not None else retry_budget()
        self.engine = make_engine(url, self.retry_seconds)
        retrying(self._create_schema, self.retry_seconds)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def _create_schema(self) -> None:
        if self._schema_current():
            return  # the usual case: a plain read, no write lock for every new kernel
        with self.engine.begin() as conn:
            if self.dialect == "postgresql":  # several servers may start at once
                conn.exec_driver_sql("SELECT pg_advisory_xact_lock(7355608)")
            schema.metadata.create_all(conn)
            version = conn.execute(select(schema.meta.c.value).where(
                schema.meta.c.key == "schema_version")).scalar()
            if version is None:
                conn.execute(insert(schema.meta).values(
                    key="schema_version", value=str(schema.SCHEMA_VERSION)))
            elif int(version) > schema.SCHEMA_VERSION:
                raise RuntimeError(_("存储的结构版本 {version} 比本程序新,请升级 kit").format(
                    version=version))
            elif int(version) < schema.SCHEMA_VERSION:
                upgrade(conn, int(version), schema.SCHEMA_VERSION)
                conn.execute(update(schema.meta).where(schema.meta.c.key == "schema_version")
                             .values(value=str(schema.SCHEMA_VERSION)))

    def _schema_current(self) -> bool:
        try:
            with self.engine.connect() as conn:
                conn.execution_options(kit_readonly=True)
                value = conn.execute(select(schema.meta.c.value).where(
                    schema.meta.c.key == "schema_version")).scalar()
                conn.rollback()
        except DBAPIError:
            return False
        return value == str(schema.SCHEMA_VERSION)

    def write(self, fn: Callable[[Connection], T]) -> T:
        """Run ``fn`` in one short write transaction, retried if the store is busy."""

        def once() -> T:
            with self.engine.begin() as conn:
                return fn(conn)

        return retrying(once, self.retry_seconds)

    def read(self, fn: Callable[[Connection], T]) -> T:
        def once() -> T:
            with self.engine.connect() as conn:
                conn.execution_options(kit_readonly=True)
                result = fn(conn)
                conn.rollback()
                return result

        return retrying(once, self.retry_seconds)

    def dispose(self) -> None:
        self.engine.dispose()
