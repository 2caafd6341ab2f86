"""A forked child becomes a kernel: the launch's environment and directory, then IPKernelApp.

Everything here runs in the child right after ``fork()``, in the parent's one thread. The child
never returns into the parent's loop: it leaves through ``os._exit``, after doing what a plain
kernel's interpreter does when it exits (join its threads, run the ``atexit`` callbacks, such as
the trainee page's last save).
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import sys
from typing import Any

LAUNCHER = ("-m", "ipykernel_launcher")


def become_kernel(request: dict[str, Any], inherited: list[socket.socket]) -> None:
    """Run the kernel the request describes; exit with its status (never returns)."""
    code = 1
    try:
        _detach(inherited)
        _take_environment(request)
        code = _run_kernel([str(a) for a in request["argv"]], request["env"])
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 0
    except BaseException:
        import traceback

        traceback.print_exc()
    finally:
        _exit_callbacks()
        _flush()
        os._exit(code)


def _exit_callbacks() -> None:
    """What interpreter shutdown would run: threads joined, then ``atexit`` callbacks."""
    import atexit
    import threading

    for step in (getattr(threading, "_shutdown", None), getattr(atexit, "_run_exitfuncs", None)):
        try:
            if step is not None:
                step()
        except BaseException:  # a failing callback must not keep the child alive
            pass


def _detach(inherited: list[socket.socket]) -> None:
    """Drop the parent's sockets and signal handlers; a session of its own, like a plain kernel
    (so that an interrupt reaches the kernel's whole process group and nothing else)."""
    for sock in inherited:
        sock.close()
    signal.set_wakeup_fd(-1)
    for signum in (signal.SIGCHLD, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    os.setsid()
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    os.close(devnull)


def _take_environment(request: dict[str, Any]) -> None:
    """This launch's environment (Voilà's QUERY_STRING, JUPYTERHUB_USER …) and working dir."""
    os.environ.clear()
    os.environ.update({str(k): str(v) for k, v in request["env"].items()})
    os.chdir(str(request["cwd"]))
    if sys.path and sys.path[0] == os.environ.get("KIT_FORK_PARENT_CWD"):
        del sys.path[0]  # the parent's start directory; a kernel's own cwd comes from IPython


def _run_kernel(argv: list[str], env: dict[str, str]) -> int:
    import setproctitle

    from kit.kernels.kernel import TraineeKernelApp

    setproctitle.setproctitle(" ".join(argv))  # `ps` shows it like a plain kernel
    args = argv[argv.index(LAUNCHER[1]) + 1:]
    sys.argv = [argv[0], *args]
    # parent_handle is read from the environment when ipykernel is imported, i.e. in the parent.
    app = TraineeKernelApp.instance()  # made by the parent as it warmed up
    app.parent_handle = int(env.get("JPY_PARENT_PID") or 0)
    app.initialize(args)  # type: ignore[no-untyped-call]
    app.start()  # type: ignore[no-untyped-call]
    return 0


def _flush() -> None:
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError, AttributeError):
            stream.flush()
