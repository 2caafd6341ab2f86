"""The fork parent under faults: killed mid-class, stale code, and ``--kernels plain``."""

from __future__ import annotations

import os
import signal
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import psutil
import pytest

from tests.kernelprobe import descendants, facts, fork_parents, zombies
from tests.reliability.test_burst import render, shutdown
from tests.serverproc import Server, port_free, start


def room(server: Server, n: int, tag: str) -> list[str]:
    url = server.urls["学员"]
    with ThreadPoolExecutor(max_workers=n) as pool:
        kernels = list(pool.map(lambda i: render(f"{url}?seat={tag}-{i}"), range(n)))
    assert None not in kernels, server.log.read_text("utf-8")
    return [str(k) for k in kernels]


def until(check: object, seconds: float = 20) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():  # type: ignore[operator]
            return True
        time.sleep(0.2)
    return False


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_parent_killed_mid_class_joins_go_on_and_nothing_is_left(tmp_path: Path) -> None:
    server = start(tmp_path)
    try:
        (first,) = fork_parents(server)
        before = room(server, 5, "before")
        early = {k: facts(server, k) for k in before}
        assert {f.ppid for f in early.values()} == {first.pid}
        first.send_signal(signal.SIGKILL)
        assert until(lambda: not _alive(first.pid))  # dead (reaped by Voilà's supervisor)
        during = room(server, 5, "during")  # launched the plain way, or by a new parent
        assert until(lambda: len(fork_parents(server)) == 1), "no parent was started again"
        (second,) = fork_parents(server)
        assert second.pid != first.pid
        assert until(lambda: os.path.exists(f"/proc/{second.pid}") and _warm(server, second))
        after = room(server, 5, "after")
        assert {facts(server, k).ppid for k in after} == {second.pid}
        for kernel, seen in early.items():  # the trainees already in never noticed
            again = facts(server, kernel)
            assert (again.pid, again.query) == (seen.pid, seen.query)
        kernels = {facts(server, k).pid for k in before + during + after}
        for kernel in before + during + after:
            assert shutdown(server, kernel) == 204
        assert until(lambda: not any(psutil.pid_exists(p) and _alive(p) for p in kernels))
        assert until(lambda: zombies(server) == []), zombies(server)
    finally:
        left = descendants(server)
        assert server.stop() == 0
    assert until(lambda: not [p for p in left if _alive(p.pid)]), "processes outlived the server"


def _warm(server: Server, parent: psutil.Process) -> bool:
    """The new parent has made its socket (it does so only once warm)."""
    try:
        return os.path.exists(parent.cmdline()[-1])
    except psutil.Error:
        return False


def _alive(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.Error:
        return False


@pytest.mark.slow
def test_plain_kernels_when_asked(tmp_path: Path) -> None:
    server = start(tmp_path, extra=("--kernels", "plain"))
    try:
        assert fork_parents(server) == []
        (kernel,) = room(server, 1, "plain")
        voila = [p for p in descendants(server) if "kit.voila_app" in " ".join(p.cmdline())]
        assert facts(server, kernel).ppid == voila[0].pid
        assert shutdown(server, kernel) == 204
    finally:
        assert server.stop() == 0


def test_sigterm_stops_voila_and_frees_the_port(tmp_path: Path) -> None:
    server = start(tmp_path)
    room(server, 1, "term")
    left = descendants(server)
    assert left
    server.proc.send_signal(signal.SIGTERM)  # to kit serve alone, as systemd or kill would
    assert server.proc.wait(timeout=60) == 0
    assert "已停止" in server.log.read_text("utf-8")
    assert until(lambda: not [p for p in left if _alive(p.pid)]), [p.pid for p in left]
    assert port_free(server.port)

