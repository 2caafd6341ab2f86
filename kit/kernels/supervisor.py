"""In the Voilà process: the one fork parent, started, watched and restarted.

``launch`` returns ``None`` whenever a fork is not to be had (parent dead, warming up after a
restart, or refusing): the provisioner then launches that kernel the plain way, so a trainee
never waits on the parent. A dead parent is restarted at once for the launches after.
"""

from __future__ import annotations

import asyncio
import atexit
import contextlib
import ctypes
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass

from kit.kernels.protocol import ask

FIRST_START_SECONDS = 90.0  # the first parent: launches wait for it (the server just started)
RETRY_SECONDS = 60.0  # a parent that died before it was warm is not started again sooner
PR_SET_CHILD_SUBREAPER = 36
REQUEST_VARIABLES = ("QUERY_STRING", "SCRIPT_NAME", "PATH_INFO", "SERVER_SOFTWARE",
                     "SERVER_PROTOCOL", "SERVER_PORT", "SERVER_NAME")
IDENTITY_PREFIXES = ("JUPYTERHUB_", "JPY_", "VOILA_")


@dataclass(frozen=True)
class Launched:
    pid: int
    pidfd: int
    threads: int
    generation: int


class Supervisor:
    def __init__(self) -> None:
        self.proc: subprocess.Popen[bytes] | None = None
        self.dir = tempfile.mkdtemp(prefix="kit-fork-")  # mode 0700: only this user connects
        self.generation = 0
        self.restarts = 0
        self.started = 0.0
        self.warm = False

    @property
    def path(self) -> str:
        return os.path.join(self.dir, f"parent-{self.generation}.sock")

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def start(self) -> None:
        """Start a parent unless one is running (it warms up in the background)."""
        if self.alive():
            return
        _become_subreaper()
        self.generation += 1
        self.started, self.warm = time.monotonic(), False
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "kit.kernels.parent", self.path], stdin=subprocess.DEVNULL,
            env=parent_environment(dict(os.environ)))

    def stop(self) -> None:
        if self.alive() and self.proc is not None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        shutil.rmtree(self.dir, ignore_errors=True)

    async def launch(self, argv: list[str], env: dict[str, str], cwd: str) -> Launched | None:
        request = {"op": "launch", "argv": argv, "env": env, "cwd": cwd}
        for _ in range(2):  # a second try only after a stale parent was replaced
            if not await self._usable():
                return None
            generation = self.generation
            try:
                reply, fds = await asyncio.get_running_loop().run_in_executor(
                    None, ask, self.path, request)
            except OSError:
                self._restart_if_dead()
                return None
            if "pid" in reply and len(fds) == 1:
                return Launched(int(reply["pid"]), fds[0], int(reply["threads"]), generation)
            for fd in fds:
                os.close(fd)
            if not reply.get("stale"):
                return None
            await self._replace()
        return None

    async def exit_code(self, launched: Launched) -> int | None:
        """The child's exit status as its parent reaped it, if that parent still runs."""
        if launched.generation != self.generation or not self.alive():
            return None
        with contextlib.suppress(OSError):
            reply, fds = await asyncio.get_running_loop().run_in_executor(
                None, ask, self.path, {"op": "exit", "pid": launched.pid}, 2.0)
            for fd in fds:
                os.close(fd)
            code = reply.get("code")
            return int(code) if code is not None else None
        return None

    async def _usable(self) -> bool:
        """A running, warm parent: wait for the first one; a restarted one is not waited for."""
        if self.proc is None:
            self.start()
        elif self._restart_if_dead():
            return False
        waited = FIRST_START_SECONDS if self.generation == 1 else 0.0
        deadline = time.monotonic() + waited
        while not os.path.exists(self.path) and self.alive():
            if time.monotonic() >= deadline:
                return False
            await asyncio.sleep(0.05)
        self.warm = self.alive()
        return self.warm

    def tend(self) -> None:
        """Called every few seconds by the server: a dead parent is reaped and replaced now,
        so that the next trainee is forked again rather than started the plain way."""
        if self.proc is not None:
            self._restart_if_dead()

    def _restart_if_dead(self) -> bool:
        """True if the parent is dead (restarted now unless it keeps dying while warming up)."""
        if self.alive():
            return False
        if self.warm or time.monotonic() - self.started > RETRY_SECONDS:
            self.restarts += 1
            self.start()
        return True

    async def _replace(self) -> None:
        """The parent said it is stale and is stopping: start a fresh one and wait for it."""
        deadline = time.monotonic() + 10
        while self.alive() and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        self.stop_if_alive()
        self.start()
        deadline = time.monotonic() + FIRST_START_SECONDS
        while not os.path.exists(self.path) and self.alive() and time.monotonic() < deadline:
            await asyncio.sleep(0.05)

    def stop_if_alive(self) -> None:
        if self.alive() and self.proc is not None:
            self.proc.kill()
            self.proc.wait()


def parent_environment(env: dict[str, str]) -> dict[str, str]:
    """The parent holds no trainee's identity and no request: each launch brings its own."""
    out = {k: v for k, v in env.items()
           if k not in REQUEST_VARIABLES and not k.startswith(IDENTITY_PREFIXES)}
    out["KIT_FORK_PARENT_CWD"] = os.getcwd()
    out.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")  # its warning on importing the debugger
    return out


def _become_subreaper() -> None:
    """Kernels whose parent died are adopted by this process (which reaps them), not by init,
    so that they keep running and their pidfds keep telling us when they exit."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)


_SUPERVISOR: list[Supervisor] = []


def get() -> Supervisor:
    """This process's supervisor (created on first use, stopped at exit)."""
    if not _SUPERVISOR:
        _SUPERVISOR.append(Supervisor())
        atexit.register(_SUPERVISOR[0].stop)
    return _SUPERVISOR[0]
