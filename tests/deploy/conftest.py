"""The deployment shapes as real processes: a fresh PostgreSQL database, ``kit fleet``
(three ``kit serve`` behind nginx) and the figures the tests measure for docs/deploy.md."""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import psutil
import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from kit.settings import REPO_ROOT
from kit.store import Store, servers
from tests.conftest import PG_URL, require
from tests.serverproc import free_port, port_free

FIGURES = REPO_ROOT / "test-artifacts" / "deploy-figures.json"
SERVER_LINE = re.compile(r"^\s+(s\d+): http://127\.0\.0\.1:(\d+)(/s\d+/) \(pid (\d+)\)", re.M)


def record(name: str, value: object) -> None:
    """Keep a measured figure (reported in docs/deploy.md, never asserted)."""
    FIGURES.parent.mkdir(exist_ok=True)
    found = json.loads(FIGURES.read_text("utf-8")) if FIGURES.exists() else {}
    found[name] = value
    FIGURES.write_text(json.dumps(found, ensure_ascii=False, indent=1), "utf-8")
    print(f"[deploy] {name}: {value}", file=sys.stderr)


@pytest.fixture(scope="module")
def fresh_db() -> Iterator[str]:
    """A PostgreSQL database of its own (the servers share it), dropped afterwards."""
    if not PG_URL:
        require("KIT_REQUIRE_PG", "KIT_TEST_PG_URL is not set: no PostgreSQL server")
    name = "kit_deploy_" + uuid.uuid4().hex[:10]
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:
        admin.dispose()
        require("KIT_REQUIRE_PG", f"PostgreSQL not reachable: {exc}")
    yield make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@dataclass
class Fleet:
    proc: subprocess.Popen[bytes]
    port: int
    log: Path
    pids: dict[str, int] = field(default_factory=dict)
    killed: set[str] = field(default_factory=set)

    @property
    def front(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def kill(self, server_id: str) -> None:
        """Kill a server outright (SIGKILL to it, its Voilà and its kernels): a crash."""
        self.killed.add(server_id)
        top = psutil.Process(self.pids[server_id])
        for proc in [top, *top.children(recursive=True)]:
            with contextlib.suppress(psutil.Error):
                proc.send_signal(signal.SIGKILL)

    def tree(self, server_id: str) -> list[psutil.Process]:
        top = psutil.Process(self.pids[server_id])
        return [top, *top.children(recursive=True)]


def _ports_free(first: int, n: int) -> bool:
    return all(port_free(port) for port in range(first, first + n + 1))


@pytest.fixture(scope="module")
def fleet(fresh_db: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Fleet]:
    if shutil.which("nginx") is None and not Path("/usr/sbin/nginx").exists():
        require("KIT_REQUIRE_PG", "nginx is not installed")
    port = free_port()
    while not _ports_free(port, 3):
        port = free_port()
    work = tmp_path_factory.mktemp("fleet")
    log = work / "fleet.log"
    proc = subprocess.Popen([sys.executable, "-m", "kit", "fleet", "--servers", "3", "--port",
                             str(port), "--db", fresh_db, "--workdir", str(work)],
                            cwd=REPO_ROOT, stdout=log.open("wb"), stderr=subprocess.STDOUT,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"},
                            start_new_session=True)
    fleet = Fleet(proc, port, log)
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline and proc.poll() is None and not fleet.pids:
        found = log.read_text("utf-8", errors="replace")
        if "Ctrl-C" in found:
            fleet.pids = {m.group(1): int(m.group(4)) for m in SERVER_LINE.finditer(found)}
        time.sleep(0.3)
    if not fleet.pids:
        os.killpg(proc.pid, signal.SIGKILL)
        pytest.fail("kit fleet did not start:\n" + log.read_text("utf-8", errors="replace"))
    yield fleet
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    pidfile = work / "nginx" / "nginx.pid"  # nginx runs in its own session: never left behind
    if pidfile.exists():
        with contextlib.suppress(OSError, ValueError):
            os.kill(int(pidfile.read_text().strip()), signal.SIGQUIT)
    store = Store(fresh_db)  # a clean stop takes every server out of the registry
    try:
        # (a killed server's last heartbeat stays fresh for up to 15 s; it cannot retire)
        assert {s.id for s in servers.live(store)} <= fleet.killed
    finally:
        store.dispose()
