"""Shared fixtures: stores on SQLite and PostgreSQL, required in CI, skipped elsewhere."""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from kit.store import Store

PG_URL = os.environ.get("KIT_TEST_PG_URL", "")
CHROMIUM = os.environ.get("KIT_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


def require(flag: str, reason: str) -> None:
    """Skip on a developer machine; fail in CI, where ``flag`` is set."""
    if os.environ.get(flag) == "1":
        pytest.fail(f"{reason} ({flag}=1: this test may not skip here)")
    pytest.skip(reason)


def pg_schema_url() -> Iterator[str]:
    """A fresh PostgreSQL schema for one test, dropped afterwards."""
    if not PG_URL:
        require("KIT_REQUIRE_PG", "KIT_TEST_PG_URL is not set: no PostgreSQL server")
    schema = "t_" + uuid.uuid4().hex[:12]
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT", pool_pre_ping=True)
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    except Exception as exc:
        admin.dispose()
        require("KIT_REQUIRE_PG", f"PostgreSQL not reachable: {exc}")
    sep = "&" if "?" in PG_URL else "?"
    yield f"{PG_URL}{sep}options=-csearch_path%3D{schema}"
    with admin.connect() as conn:
        conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh PostgreSQL schema, dropped after the test whatever happens in it."""
    yield from pg_schema_url()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'kit.sqlite3'}"
    else:
        yield from pg_schema_url()


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    s = Store(store_url)
    yield s
    s.dispose()


@pytest.fixture
def sqlite_store(tmp_path: Path) -> Iterator[Store]:
    s = Store(f"sqlite:///{tmp_path / 'kit.sqlite3'}")
    yield s
    s.dispose()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """One Chromium for the whole run (browser and deployment tests share it: Playwright's
    sync API allows one instance per thread)."""
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        require("KIT_REQUIRE_BROWSER", f"no Chromium at {CHROMIUM}")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        require("KIT_REQUIRE_BROWSER", "playwright is not installed")
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield chromium
        chromium.close()
