"""The same class with the host's page merging (KSM) on, when this run may switch it on.

``ksmd`` is a host setting (``/sys/kernel/mm/ksm``), not the kit's: a run as root turns it on for
this one measurement, waits until ``ksmd`` has gone over all mergeable memory twice, measures,
and puts the host's settings back. The CPU ``ksmd`` spends is measured with it.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from typing import Any

import psutil

from kit.kernels.ksm import KSM

PAGES_TO_SCAN = 1000
"""Pages per 20 ms wake-up (the kernel's default is 100): a class converges in minutes."""
SETTINGS = ("run", "pages_to_scan")
CONVERGE_LIMIT = 900.0
WINDOW = 10.0


def merged(measure: Callable[[], dict[str, Any]]) -> dict[str, Any] | None:
    """``measure()`` with KSM on, plus what it cost; None where this run cannot switch it on."""
    try:
        saved = {name: (KSM / name).read_text(encoding="ascii").strip() for name in SETTINGS}
    except OSError:
        return None
    try:
        _write({"pages_to_scan": str(PAGES_TO_SCAN), "run": "1"})
    except OSError:
        _restore(saved)
        return None
    try:
        started = time.monotonic()
        ksmd = next(p for p in psutil.process_iter(["name"]) if p.info["name"] == "ksmd")
        scans = _number("full_scans")
        while _number("full_scans") < scans + 2 and time.monotonic() - started < CONVERGE_LIMIT:
            time.sleep(2.0)
        converged = time.monotonic() - started
        cpu0 = _cpu(ksmd)
        time.sleep(WINDOW)
        share = (_cpu(ksmd) - cpu0) / WINDOW
        return measure() | {"converged_s": converged, "ksmd_cpu_share": share,
                            "pages_to_scan": PAGES_TO_SCAN,
                            "pages_sharing": _number("pages_sharing")}
    finally:
        _restore(saved)


def _write(values: dict[str, str]) -> None:
    for name, value in values.items():
        (KSM / name).write_text(value, encoding="ascii")


def _restore(saved: dict[str, str]) -> None:
    with contextlib.suppress(OSError):
        _write(saved)


def _number(name: str) -> int:
    return int((KSM / name).read_text(encoding="ascii").strip())


def _cpu(proc: psutil.Process) -> float:
    times = proc.cpu_times()
    return float(times.user + times.system)
