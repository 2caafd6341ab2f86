"""Faults survived without a browser: a locked or lost store, double submits, reloads."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from kit.content import Course, load_course
from kit.live.runner import Threaded
from kit.store import Store, activities, participants, sessions, work, workshops
from kit.testing import close, find, open_console_as, seat_trainee
from kit.widgets.bridge import PageBridge

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


def seated(course: Course, store: Store) -> Any:
    ws, _ = workshops.create(store, "故障", (3,))
    activities.set_state(store, ws.id, "m3-classify", "open")
    return seat_trainee(course, store, ws.code, "学员")


def test_sqlite_locked_for_five_seconds_then_saved(course: Course, tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'k.db'}")
    app = seated(course, store)
    card = app.page.view.cards[0]
    card.select("channel", ["A1"])
    holder = lock_for(tmp_path / "k.db", 5.0)
    card.submit()
    holder.join()
    assert "第 1 版" in card.notice.value
    close(app)


def test_store_unavailable_says_not_saved_and_keeps_the_input(course: Course,
                                                              tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'k.db'}", retry_seconds=1.0)
    app = seated(course, store)
    card = app.page.view.cards[0]
    card.select("rights", ["R2", "R7"])
    holder = lock_for(tmp_path / "k.db", 4.0)
    started = time.monotonic()
    card.submit()
    waited = time.monotonic() - started
    holder.join()
    assert "未保存" in card.notice.value and "仍在页面上" in card.notice.value
    assert card.inputs["rights"].value == ["R2", "R7"]
    assert work.latest(store, app.controller.seat.workshop_id, "m3-classify") == []
    assert waited < 4.0  # the store's own retry budget decided, not the lock's length
    close(app)


def test_a_locked_store_never_freezes_the_kernel_loop(course: Course, tmp_path: Path) -> None:
    """Store calls run off the loop: while a write waits on a lock, the loop keeps serving."""
    store = Store(f"sqlite:///{tmp_path / 'k.db'}")
    app = seated(course, store)
    app.controller.runner = Threaded()
    card = app.page.view.cards[0]
    card.select("channel", ["A1"])
    beats: list[float] = []

    async def scenario() -> None:
        holder = lock_for(tmp_path / "k.db", 2.0)
        card.submit()
        assert card.submit_button.disabled and "第 1 版" not in card.notice.value
        while app.controller.runner.pending:  # type: ignore[attr-defined]
            beats.append(time.monotonic())
            await asyncio.sleep(0.05)
        holder.join()

    # A loop of its own, in a thread of its own: once the session's Chromium is up, Playwright's
    # sync API holds a running loop in this thread, and asyncio.run() refuses to nest in it.
    with ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, scenario()).result()
    assert len(beats) >= 10  # the loop ran on while the store waited
    assert "第 1 版" in card.notice.value and not card.submit_button.disabled
    close(app)


@pytest.mark.postgres
def test_postgres_connections_lost_then_writes_retry(course: Course, pg_url: str) -> None:
    url = pg_url
    store = Store(url)
    app = seated(course, store)
    admin = create_engine(url.split("?")[0], isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:  # what clients see when the server restarts
        conn.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                          "WHERE pid <> pg_backend_pid() AND datname = current_database()"))
    admin.dispose()
    card = app.page.view.cards[0]
    card.select("channel", ["A3"])
    card.submit()
    assert "第 1 版" in card.notice.value
    close(app)
    store.dispose()


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
    """The console session kept in the browser brings the console back without the key."""
    from kit.pages.console import open_console

    ws, key = workshops.create(sqlite_store, "t", (3,))
    first = open_console_as(course, sqlite_store, ws.code, key)
    first.controller.actions.pace("m3-classify", "open")
    first.page.room.minutes.value = 3
    find(first.page.room, "button", "开始计时").press()
    kept = dict(first.controller.kept)
    assert kept["console"] and key not in str(kept)
    time.sleep(1.1)
    again = open_console(course, lambda: sqlite_store, first.controller.runner, autostart=False,
                         bridge=PageBridge())
    again.bridge.query, again.bridge.stored = "", kept
    assert again.controller.workshop is not None
    row = again.page.activities.controls["m3-classify"]
    assert "进行中" in row.label.value and "02:5" in again.page.room.clock.value
    close(first, again)


def test_a_revoked_console_session_stops_working(course: Course, sqlite_store: Store) -> None:
    from kit.pages.console import open_console

    ws, key = workshops.create(sqlite_store, "t", (3,))
    first = open_console_as(course, sqlite_store, ws.code, key)
    kept = dict(first.controller.kept)
    assert sessions.resolve(sqlite_store, kept["console"], "console") is not None
    find(first.page, "button", "退出控制台").press()
    assert sessions.resolve(sqlite_store, kept["console"], "console") is None
    again = open_console(course, lambda: sqlite_store, first.controller.runner, autostart=False)
    again.bridge.query, again.bridge.stored = "", kept
    assert again.controller.workshop is None and again.controller.state.screen == "login"
    assert again.controller.kept == {"console": None}  # the browser forgets the dead token
    close(first, again)
