"""Start ``python -m kit serve`` (or ``make serve``) as a real process for tests."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from kit.settings import REPO_ROOT

URL_LINE = re.compile(r"(学员|讲师|课程地图)[^:]*: (http://\S+)")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def port_free(port: int) -> bool:
    """Nothing listens on 127.0.0.1:``port``. (Connections the server closed stay in TIME_WAIT
    for a minute; SO_REUSEADDR lets the probe bind past those, never past a listener.)"""
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


@dataclass
class Server:
    proc: subprocess.Popen[str]
    port: int
    log: Path
    urls: dict[str, str]
    db: str = ""

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> int:
        """Ctrl-C, as a person would; return the exit code."""
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGINT)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
        return int(self.proc.returncode)


def _ignore_ctrl_c() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def start(tmp: Path, db: str | None = None, command: list[str] | None = None,
          extra: tuple[str, ...] = (), env: dict[str, str] | None = None,
          ignoring_ctrl_c: bool = False) -> Server:
    """``ignoring_ctrl_c``: start it as a shell's background job does (SIGINT ignored)."""
    port = free_port()
    db = db or f"sqlite:///{tmp / 'serve.sqlite3'}"
    args = ["--port", str(port), "--no-browser", "--db", db, *extra]
    cmd = command or [sys.executable, "-m", "kit", "serve"]
    if command and command[0] == "make":
        cmd = [*command, "SERVE_ARGS=" + " ".join(args)]
    else:
        cmd = [*cmd, *args]
    log = tmp / f"serve-{port}.log"
    full_env = {**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})}
    proc = subprocess.Popen(cmd, cwd=REPO_ROOT, stdout=log.open("w"), stderr=subprocess.STDOUT,
                            text=True, env=full_env, start_new_session=True,
                            preexec_fn=_ignore_ctrl_c if ignoring_ctrl_c else None)
    server = Server(proc, port, log, {}, db)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        text = log.read_text("utf-8", errors="replace")
        if "Ctrl-C" in text:
            server.urls = {m.group(1): m.group(2) for m in URL_LINE.finditer(text)}
            return server
        time.sleep(0.2)
    server.stop()
    raise RuntimeError("kit serve did not start:\n" + log.read_text("utf-8", errors="replace"))
