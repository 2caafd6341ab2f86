"""Faults survived without a browser: a locked or lost store, double submits, reloads."""

from __future__ import annotations

import sqlite3
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from kit.content import Course, load_course
from kit.live.console import Console
from kit.live.trainee import TraineeApp
from kit.store import Store, activities, participants, work, workshops
from kit.store import db as store_db
from kit.widgets.bridge import PageBridge
from tests.conftest import pg_schema_url

FIXTURE = Path(__file__).parent.parent / "fixtures" / "content" / "base"


@pytest.fixture(scope="module")
def course() -> Course:
    return load_course(FIXTURE)


def lock_for(path: Path, seconds: float) -> threading.Thread:
    """Another writer holds the SQLite write lock for ``seconds``."""
    ready = threading.Event()

    def hold() -> None:
        conn = sqlite3.connect(path, timeout=1)
        conn.execute("BEGIN IMMEDIATE")
        ready.set()
        time.sleep(seconds)
        conn.rollback()
        conn.close()

    thread = threading.Thread(target=hold)
    thread.start()
    ready.wait()
    return thread


def seated(course: Course, store: Store) -> TraineeApp:
    ws, _ = workshops.create(store, "故障", (3,))
    activities.set_state(store, ws.id, "m3-classify", "open")
    app = TraineeApp(course, store, PageBridge(), autostart=False)
    app.bridge.query = ""
    app.join(ws.code, "学员")
    return app


def test_sqlite_locked_for_five_seconds_then_saved(course: Course, tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'k.db'}")
    app = seated(course, store)
    card = app.view.cards[0]
    card.select("channel", ["A1"])
    holder = lock_for(tmp_path / "k.db", 5.0)
    card.submit()
    holder.join()
    assert "第 1 版" in card.notice.value


def test_store_unavailable_says_not_saved_and_keeps_the_input(course: Course, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch
                                                              ) -> None:
    store = Store(f"sqlite:///{tmp_path / 'k.db'}")
    app = seated(course, store)
    card = app.view.cards[0]
    card.select("rights", ["R2", "R7"])
    monkeypatch.setattr(store_db, "RETRY_SECONDS", 1.0)
    monkeypatch.setattr(store_db.retrying, "__defaults__", (1.0,))
    holder = lock_for(tmp_path / "k.db", 14.0)
    card.submit()
    holder.join()
    assert "暂时无法保存" in card.notice.value and "仍在页面上" in card.notice.value
    assert card.inputs["rights"].value == ["R2", "R7"]
    assert work.latest(store, app.workshop.id, "m3-classify") == []


@pytest.mark.postgres
def test_postgres_connections_lost_then_writes_retry(course: Course) -> None:
    url = next(pg_schema_url())
    store = Store(url)
    app = seated(course, store)
    admin = create_engine(url.split("?")[0], isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:  # what clients see when the server restarts
        conn.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                          "WHERE pid <> pg_backend_pid() AND datname = current_database()"))
    admin.dispose()
    card = app.view.cards[0]
    card.select("channel", ["A3"])
    card.submit()
    assert "第 1 版" in card.notice.value


def test_double_click_and_two_tabs_make_one_version(sqlite_store: Store) -> None:
    ws, _ = workshops.create(sqlite_store, "t", (3,))
    activities.set_state(sqlite_store, ws.id, "a", "open")
    p, _ = participants.join(sqlite_store, ws.id, "甲")

    def submit(key: str) -> int:
        return work.submit(sqlite_store, ws.id, p.id, "a", "c", {"x": 1}, key).version

    with ThreadPoolExecutor(4) as pool:
        same_click = list(pool.map(submit, ["k"] * 4))
        two_tabs = list(pool.map(submit, [uuid.uuid4().hex for _ in range(4)]))
    assert set(same_click) == set(two_tabs) == {1}
    assert len(work.all_versions(sqlite_store, ws.id)) == 1


def test_console_reload_keeps_everything_and_the_timer(course: Course, sqlite_store: Store) -> None:
    ws, key = workshops.create(sqlite_store, "t", (3,))
    first = Console(course, sqlite_store, PageBridge(), autostart=False)
    first.bridge.query = f"code={ws.code}&key={key}"
    first.pace("m3-classify", "open")
    first.controls.minutes.value = 3
    first.controls.start_timer()
    time.sleep(1.1)
    again = Console(course, sqlite_store, PageBridge(), autostart=False)
    again.bridge.query = f"code={ws.code}&key={key}"
    assert "进行中" in again.rows["m3-classify"].label.value
    assert "02:5" in again.controls.clock.value
