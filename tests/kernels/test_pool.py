"""``kit serve --class-size N``: N warm kernels for the trainee page, and for no other page.

Voilà preheats a pool for every notebook under its root unless told otherwise; the repository
holds 15, so a class of 30 would start 450 kernels (most of them plain module-notebook kernels)
before the first trainee could join.
"""

from __future__ import annotations

import resource
import shutil
import sys
import time
import urllib.request
from pathlib import Path

import psutil
import pytest

from kit.kernels import fork_supported
from tests.serverproc import start

pytestmark = pytest.mark.skipif(not fork_supported(), reason="the pool is measured on Linux")
SIZE = 2


def kernels(pid: int) -> list[psutil.Process]:
    found = []
    for proc in psutil.Process(pid).children(recursive=True):
        try:
            if "ipykernel_launcher" in " ".join(proc.cmdline()):
                found.append(proc)
        except psutil.Error:
            continue
    return found


def settled(pid: int, at_least: int, quiet: float = 8.0, limit: float = 150.0) -> int:
    """The number of kernels once it has reached ``at_least`` and not changed for ``quiet`` s."""
    deadline, last, since = time.monotonic() + limit, -1, time.monotonic()
    while time.monotonic() < deadline:
        n = len(kernels(pid))
        if n != last:
            last, since = n, time.monotonic()
        elif n >= at_least and time.monotonic() - since >= quiet:
            return n
        time.sleep(0.5)
    return last


def soft_open_files(pid: int) -> int:
    for line in Path(f"/proc/{pid}/limits").read_text().splitlines():
        if line.startswith("Max open files"):
            return int(line.split()[3])
    raise AssertionError("no open-files limit")


def test_the_class_size_warms_kernels_for_the_trainee_page_only(tmp_path: Path) -> None:
    """Started as systemd often starts services, with a soft limit of 1,024 open files: the
    Voilà process lifts it to the hard limit (``kit/limits.py``)."""
    hard = resource.getrlimit(resource.RLIMIT_NOFILE)[1]
    prlimit = shutil.which("prlimit")
    low = [prlimit, f"--nofile=1024:{hard}"] if prlimit and hard > 1024 else []
    server = start(tmp_path, extra=("--class-size", str(SIZE)),
                   command=[*low, sys.executable, "-m", "kit", "serve"])
    try:
        assert settled(server.proc.pid, SIZE) == SIZE
        voila = next(p for p in psutil.Process(server.proc.pid).children(recursive=True)
                     if "kit.voila_app" in " ".join(p.cmdline()))
        if low:  # without prlimit (or with a hard limit of 1,024) there is nothing to lift
            assert soft_open_files(voila.pid) == hard
            assert soft_open_files(server.proc.pid) == 1024  # what it was started with
        cwds = {p.cwd() for p in kernels(server.proc.pid)}
        assert cwds == {str(Path(__file__).parents[2] / "exercises")}
        with urllib.request.urlopen(server.urls["学员"], timeout=120) as page:
            assert "jupyter-config-data" in page.read().decode("utf-8")
        assert "Using pre-heated kernel" in server.log.read_text("utf-8")
        assert settled(server.proc.pid, SIZE + 1) == SIZE + 1  # the page's, and a refilled pool
    finally:
        server.stop()
