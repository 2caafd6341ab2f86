"""Trainee kernels forked from a warm parent (``kit serve --kernels fork``, Linux only).

- ``parent``: the fork server, one per Voilà server. It imports what a trainee kernel needs,
  loads the course, freezes the GC and forks a child per launch request on a Unix socket.
- ``child``: what a forked child does: take the launch's environment and working directory,
  then run ``IPKernelApp`` on the given connection file, as ``ipykernel_launcher`` would.
- ``supervisor``: in the Voilà process; starts the parent, restarts it if it dies, asks it
  for launches (``None`` means: launch this kernel the plain way).
- ``provisioner``: the ``jupyter_client`` kernel provisioner (entry point ``kit-fork``) that the
  trainee kernelspec ``kit-trainee`` names. It falls back to a plain launch whenever forking
  is off or not possible.
"""

from __future__ import annotations

import os
import sys

MODE_VARIABLE = "KIT_KERNELS"
"""``fork`` or ``plain``; set by ``kit serve`` for Voilà. Unset (JupyterLab, nbval): plain."""


def fork_supported() -> bool:
    """Forking needs Linux: ``fork()``, pidfds (Linux ≥ 5.3) and ``SCM_RIGHTS``."""
    return sys.platform.startswith("linux") and hasattr(os, "pidfd_open")


def default_mode() -> str:
    """``KIT_KERNELS`` if it names a mode, else fork where it is supported."""
    chosen = os.environ.get(MODE_VARIABLE, "")
    if chosen in ("fork", "plain"):
        return chosen
    return "fork" if fork_supported() else "plain"


def fork_enabled() -> bool:
    return os.environ.get(MODE_VARIABLE) == "fork" and fork_supported()
