"""What one Voilà process serving hundreds of kernels needs: descriptors and zmq sockets.

Each kernel costs the Voilà process a handful of zmq sockets (shell, control, iopub, stdin,
heartbeat and the server's activity watcher) and their descriptors. libzmq caps a context at 1,023
sockets unless told otherwise, and systemd services often start with a soft limit of 1,024 open
files; either stopped a class on one server at ~500 kernels ("Too many open files", every later
page a 500). :func:`raise_for_many_kernels` lifts the soft descriptor limit to the hard one and
gives the kernel manager's zmq context as many sockets as there are descriptors.
"""

from __future__ import annotations

import resource

import zmq

CEILING = 1 << 20


def descriptors() -> int:
    """Lift the soft open-files limit to the hard one; the limit now in force (at most CEILING)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    finite_soft, finite_hard = (CEILING if v == resource.RLIM_INFINITY else min(v, CEILING)
                                for v in (soft, hard))
    if finite_soft < finite_hard:
        resource.setrlimit(resource.RLIMIT_NOFILE, (finite_hard, hard))
    return max(finite_soft, finite_hard)


def raise_for_many_kernels(context: zmq.Context) -> int:  # type: ignore[type-arg]
    """Before the context's first socket: as many sockets as descriptors. Returns that number."""
    most = descriptors()
    if context.get(zmq.MAX_SOCKETS) < most:
        context.set(zmq.MAX_SOCKETS, most)
    return int(context.get(zmq.MAX_SOCKETS))
