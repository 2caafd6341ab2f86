"""The fork server: ``python -m kit.kernels.parent SOCKET``, started by the Voilà process.

One thread, no event loop: a ``select`` over the listening socket and a wake-up pipe for
SIGCHLD. Each launch request forks; the child becomes a kernel (``kit.kernels.child``), the
parent reaps it when it exits. The parent stops when its owner (the Voilà process) is gone,
when told to (SIGTERM), and after answering a launch with ``stale`` (code or content changed:
its owner starts a fresh parent).
"""

from __future__ import annotations

import contextlib
import gc
import os
import select
import signal
import socket
import sys
import threading
from typing import Any

from kit.kernels import ksm, preload
from kit.kernels.child import become_kernel
from kit.kernels.protocol import ProtocolError, receive, send
from kit.store.db import live_engines

KEEP_EXITS = 4096


class Parent:
    def __init__(self, listener: socket.socket, key: str) -> None:
        self.listener, self.key = listener, key
        self.owner = os.getppid()
        self.wake_r, self.wake_w = socket.socketpair()
        self.children: set[int] = set()
        self.exits: dict[int, int] = {}
        self.running = True

    def serve(self) -> None:
        for sock in (self.wake_r, self.wake_w):
            sock.setblocking(False)
        signal.set_wakeup_fd(self.wake_w.fileno())
        signal.signal(signal.SIGCHLD, lambda *_: None)  # wakes select through the pipe
        signal.signal(signal.SIGTERM, lambda *_: self.stop())
        while self.running:
            ready, _, _ = select.select([self.listener, self.wake_r], [], [], 1.0)
            if self.wake_r in ready:
                self._drain()
            self.reap()
            if self.listener in ready:
                self._accept()
            if os.getppid() != self.owner:  # Voilà is gone: so are its kernels
                self._end_children()
                self.stop()

    def stop(self) -> None:
        self.running = False

    def reap(self) -> None:
        """Collect every child that has exited, so that none stays a zombie."""
        while self.children:
            try:
                pid, status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                return
            if pid == 0:
                return
            self.children.discard(pid)
            self.exits[pid] = os.waitstatus_to_exitcode(status)
            if len(self.exits) > KEEP_EXITS:
                del self.exits[next(iter(self.exits))]

    def _drain(self) -> None:
        try:
            while self.wake_r.recv(4096):
                pass
        except BlockingIOError:
            pass

    def _accept(self) -> None:
        try:
            conn, _ = self.listener.accept()
        except OSError:
            return
        with conn:
            conn.settimeout(10)
            try:
                self._answer(conn, *receive(conn))
            except (OSError, ProtocolError, KeyError, TypeError, ValueError) as exc:
                print(f"kit fork parent: bad request: {exc!r}", file=sys.stderr, flush=True)

    def _answer(self, conn: socket.socket, request: dict[str, Any], fds: list[int]) -> None:
        for fd in fds:
            os.close(fd)
        op = request.get("op")
        if op == "status":
            send(conn, self.status())
        elif op == "exit":
            send(conn, {"code": self.exits.get(int(request["pid"]))})
        elif op == "launch":
            self._launch(conn, request)
        else:
            send(conn, {"error": f"unknown op {op!r}"})

    def _launch(self, conn: socket.socket, request: dict[str, Any]) -> None:
        threads = threading.active_count()
        if preload.freshness() != self.key or threads != 1:
            # Stale: code or content changed. Threads: fork() could leave a lock held for ever.
            send(conn, {"stale": True, "threads": threads})
            self.stop()
            return
        pid = os.fork()
        if pid == 0:
            become_kernel(request, [self.listener, self.wake_r, self.wake_w, conn])
        self.children.add(pid)
        pidfd = os.pidfd_open(pid)  # before any reaping: this is surely our child
        try:
            send(conn, {"pid": pid, "threads": threads, "key": self.key}, (pidfd,))
        except OSError:
            os.kill(pid, signal.SIGKILL)  # nobody would know of this kernel: do not keep it
            raise
        finally:
            os.close(pidfd)

    def status(self) -> dict[str, Any]:
        import asyncio

        import zmq

        from kit.kernels.kernel import TraineeKernelApp

        loop = getattr(asyncio.get_event_loop_policy(), "_local", None)
        return {"pid": os.getpid(), "threads": threading.active_count(), "key": self.key,
                "children": sorted(self.children), "zmq_context": zmq.Context._instance is not None,
                "event_loop": getattr(loop, "_loop", None) is not None,
                "engines": live_engines(), "frozen": gc.get_freeze_count(),
                "ksm": ksm.mergeable(),
                "app_logging": TraineeKernelApp.initialized()
                and getattr(TraineeKernelApp.instance(), "_logging_configured", False)}

    def _end_children(self) -> None:
        for pid in list(self.children):
            with contextlib.suppress(OSError):
                os.killpg(pid, signal.SIGTERM)


def main(argv: list[str]) -> int:
    import setproctitle

    setproctitle.setproctitle(setproctitle.getproctitle())  # now, while the environment is
    # untouched: children can retitle themselves after taking their own environment
    path = argv[1]
    key = preload.warm()
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(path)  # the socket appears only once everything is loaded
    listener.listen(256)
    parent = Parent(listener, key)
    gc.collect()
    gc.freeze()  # the warm objects stay out of the children's collections: fewer pages copied
    ksm.enable()  # the pages the children copy and leave identical can be merged again
    try:
        parent.serve()
    finally:
        listener.close()
        with contextlib.suppress(OSError):
            os.unlink(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
