"""The store failing under real kernels: the page keeps answering, says 未保存 in Chinese, the
instructor's 问题 panel shows it, the server's terminal has the traceback, the trainee's
websocket never does. And work typed just before a reload is not lost."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from kit.logic.phases import Phase
from kit.store import Store, activities, workshops
from tests.browser.test_live_room import T, console_page, join
from tests.conftest import PG_URL, require
from tests.reliability.test_faults import lock_for
from tests.serverproc import Server, start


def watched_page(ctx: Any, url: str, frames: list[str]) -> Any:
    """A trainee page whose websocket frames are all recorded."""
    page = ctx.new_page()
    page.on("websocket", lambda ws: ws.on("framereceived", lambda f: frames.append(str(f))))
    page.goto(url)
    page.get_by_placeholder("姓名或工号").wait_for(timeout=T)
    return page


@pytest.fixture
def fragile(tmp_path: Path) -> Iterator[Server]:
    """A server whose store gives up after 1.5 s, so a locked store shows quickly."""
    server = start(tmp_path, env={"KIT_STORE_RETRY_SECONDS": "1.5"})
    yield server
    server.stop()


def test_a_store_locked_mid_tick_is_survived_and_reported(fragile: Server,
                                                          context: tuple[Any, Any],
                                                          tmp_path: Path) -> None:
    ctx, outside = context
    store = Store(fragile.db)
    ws, key = workshops.create(store, "存储故障", (3,))
    activities.set_state(store, ws.id, "m3-daily-problems", Phase.OPEN)
    con = console_page(ctx, fragile, ws.code, key)
    frames: list[str] = []
    page = watched_page(ctx, fragile.urls["学员"], frames)
    join(page, ws.code, "故障学员")
    card = page.locator(".kit-question").first
    card.wait_for(timeout=T)
    holder = lock_for(tmp_path / "serve.sqlite3", 7.0)
    card.locator(".widget-toggle-button", has_text="等待时间长").first.click()
    page.get_by_text("未保存").first.wait_for(timeout=T)
    page.get_by_role("button", name="下一题").click()  # the kernel still answers
    page.get_by_text("第 2 / 8 题").wait_for(timeout=T)
    assert page.locator("#kit-offline").count() == 0
    holder.join()
    con.get_by_text("自动保存未保存").first.wait_for(timeout=5_000)
    con.get_by_text("学员页").first.wait_for(timeout=T)
    log = fragile.log.read_text("utf-8")
    assert "Traceback" in log and "自动保存未保存" in log
    assert not any("Traceback" in f for f in frames)
    assert outside.urls == []
    store.dispose()


def test_text_typed_just_before_a_reload_is_kept(server: Server,
                                                  context: tuple[Any, Any]) -> None:
    ctx, _ = context
    store = Store(server.db)
    ws, _ = workshops.create(store, "刷新", (3,))
    activities.set_state(store, ws.id, "m3-plan", Phase.OPEN)
    page = ctx.new_page()
    page.goto(server.urls["学员"])
    join(page, ws.code, "刷新学员")
    area = page.locator("textarea").first
    area.wait_for(timeout=T)
    area.fill("最后一秒写下的话:先致歉,再核实。")
    page.reload()  # at once: no time for the usual one-second autosave
    area = page.locator("textarea").first
    area.wait_for(timeout=T)
    page.wait_for_function("() => document.querySelector('textarea').value.length > 0",
                           timeout=T)
    assert area.input_value() == "最后一秒写下的话:先致歉,再核实。"
    store.dispose()


KICK = text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :name")


@pytest.fixture
def pg_database() -> Iterator[tuple[str, Any]]:
    """A database of its own on the test PostgreSQL server, to take down and bring back."""
    if not PG_URL:
        require("KIT_REQUIRE_PG", "KIT_TEST_PG_URL is not set: no PostgreSQL server")
    name = "kit_down_" + uuid.uuid4().hex[:8]
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT", pool_pre_ping=True)
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    yield PG_URL.rsplit("/", 1)[0] + f"/{name}", (admin, name)
    with admin.connect() as conn:
        conn.execute(text(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true'))
        conn.execute(KICK, {"name": name})
        conn.execute(text(f'DROP DATABASE "{name}"'))
    admin.dispose()


def allow(admin: Any, name: str, on: bool) -> None:
    with admin.connect() as conn:
        conn.execute(text(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS {str(on).lower()}'))
        if not on:
            conn.execute(KICK, {"name": name})


@pytest.mark.postgres
def test_a_store_down_at_first_load_shows_the_kits_chinese_message(
        pg_database: tuple[str, Any], context: tuple[Any, Any], tmp_path: Path) -> None:
    url, (admin, name) = pg_database
    server = start(tmp_path, db=url, env={"KIT_STORE_RETRY_SECONDS": "1"})
    try:
        ctx, outside = context
        allow(admin, name, False)
        page = ctx.new_page()
        page.goto(server.urls["学员"])
        page.get_by_text("暂时无法连接服务器,正在重试").first.wait_for(timeout=T)
        assert "There was an error" not in page.content()
        allow(admin, name, True)
        page.get_by_placeholder("姓名或工号").wait_for(timeout=T)  # it recovers by itself
        assert outside.urls == []
    finally:
        server.stop()
