"""Start the bare stack and the kit side by side, on this machine, for one benchmark run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import psutil

from kit.serve import READY_PATH, ServeOptions, environment, voila_args
from kit.settings import REPO_ROOT
from tests.serverproc import free_port

BARE_DIR = Path(__file__).parent / "bare"


@dataclass
class Running:
    name: str
    proc: subprocess.Popen[bytes]
    port: int
    page: str
    rendered: list[str] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/voila/render/{self.page}"

    def kernels(self) -> list[psutil.Process]:
        return [k for k in self._descendants() if "ipykernel" in _cmd(k)]

    def _descendants(self) -> list[psutil.Process]:
        try:
            return list(psutil.Process(self.proc.pid).children(recursive=True))
        except psutil.Error:
            return []

    def parent(self) -> psutil.Process | None:
        """The fork parent of a kit server (None for bare Voilà or plain kernels)."""
        return next((k for k in self._descendants() if "kit.kernels.parent" in _cmd(k)), None)

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)


def _cmd(proc: psutil.Process) -> str:
    """The command line, or "" for a process that just exited (a zombie not yet reaped)."""
    try:
        return " ".join(proc.cmdline())
    except psutil.Error:
        return ""


def _wait(url: str, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 180  # with a pool of 30 the first answer came after ~91 s
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            urllib.request.urlopen(url, timeout=2).close()
            return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"server at {url} did not start")


def bare(preheat: int = 0) -> Running:
    """Bare Voilà 0.5 over a hello-widget notebook: the anchor for every ratio."""
    port = free_port()
    args = [sys.executable, "-m", "voila", "--no-browser", f"--port={port}",
            f"--Voila.root_dir={BARE_DIR}", "--Voila.ip=127.0.0.1"]
    if preheat:
        args += ["--preheat_kernel=True", f"--pool_size={preheat}"]
    proc = subprocess.Popen(args, cwd=BARE_DIR, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    _wait(f"http://127.0.0.1:{port}/", proc)
    return Running("bare", proc, port, "hello.ipynb")


def kit(db: str, preheat: int = 0, page: str = "exercises/trainee.ipynb") -> Running:
    port = free_port()
    opts = ServeOptions(port=port, db=db, class_size=preheat)
    proc = subprocess.Popen(voila_args(opts), cwd=REPO_ROOT, env=environment(db),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    _wait(f"http://127.0.0.1:{port}{READY_PATH}", proc)
    return Running("kit", proc, port, page)
