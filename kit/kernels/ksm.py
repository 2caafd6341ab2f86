"""Kernel same-page merging (KSM) for the forked kernels: Linux's own engine for what
copy-on-write loses.

A forked kernel copies a page of its parent as soon as it writes to it, and CPython writes to
every object it touches (its reference count), even when the count goes back to what it was.
Most such copies end up byte for byte the same in every kernel of a class. Linux can merge
identical anonymous pages back into one (``ksmd``). Since Linux 6.4 a process asks for that with
``prctl(PR_SET_MEMORY_MERGE, 1)``, needing no privilege, and its children inherit the flag.
Whether ``ksmd`` runs at all is the host's choice (``/sys/kernel/mm/ksm/run``, set by the
administrator: ``docs/deploy.md``); with it off the flag costs nothing.
"""

from __future__ import annotations

import ctypes
import os
from pathlib import Path

PR_SET_MEMORY_MERGE = 67
KSM = Path("/sys/kernel/mm/ksm")


def enable() -> bool:
    """Mark this process, and every child it forks from now on, mergeable; False if the kernel
    cannot (older than 6.4, no KSM) or ``KIT_KSM=0`` says not to."""
    if os.environ.get("KIT_KSM", "1") == "0":
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return bool(libc.prctl(PR_SET_MEMORY_MERGE, 1, 0, 0, 0) == 0)
    except (OSError, AttributeError):
        return False


def mergeable(pid: int | str = "self") -> bool:
    """Whether the process has asked for merging (``ksm_merge_any`` in its ``ksm_stat``)."""
    try:
        text = Path(f"/proc/{pid}/ksm_stat").read_text(encoding="ascii")
    except OSError:
        return False
    return "ksm_merge_any: yes" in text


def running() -> bool:
    """Whether the host runs ``ksmd`` (the administrator's setting)."""
    try:
        return (KSM / "run").read_text(encoding="ascii").strip() == "1"
    except OSError:
        return False
