"""The same class with the host's page merging (KSM) on, when this run may switch it on.

``ksmd`` is a host setting (``/sys/kernel/mm/ksm``), not the kit's: a run as root turns it on for
this one measurement, waits until the merging has settled, measures, splits the merged pages again
and puts the host's settings back. The CPU ``ksmd`` spends is measured with it.

"Settled": a page merges only once ``ksmd`` has seen it unchanged on two scans, and (with the
host's ``smart_scan``) pages that did not merge are looked at again only every few scans. A class
of 60 here had merged a quarter of its pages after two full scans and nearly all after about
twenty, so the wait is for the number of shared pages to stop growing, not for a count of scans.
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
CONVERGE_LIMIT = 1200.0
MIN_SCANS = 4
STEADY = 60.0
"""Settled: at least ``MIN_SCANS`` full scans, and fewer than 1 % more pages shared than ``STEADY``
seconds earlier."""
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
        ksmd = next(p for p in psutil.process_iter(["name"]) if p.info["name"] == "ksmd")
        started, spent = time.monotonic(), _cpu(ksmd)
        scans = _settle()
        converged = time.monotonic() - started
        spent = _cpu(ksmd) - spent
        cpu0 = _cpu(ksmd)
        time.sleep(WINDOW)
        share = (_cpu(ksmd) - cpu0) / WINDOW
        return measure() | {"converged_s": converged, "full_scans": scans,
                            "ksmd_cpu_converging": spent / converged,
                            "ksmd_cpu_share": share, "pages_to_scan": PAGES_TO_SCAN,
                            "pages_sharing": _number("pages_sharing")}
    finally:
        _restore(saved)


def _settle() -> int:
    """Wait until the merging has settled (or ``CONVERGE_LIMIT``); the full scans it took."""
    started, first = time.monotonic(), _number("full_scans")
    seen: list[tuple[float, int]] = []
    while time.monotonic() - started < CONVERGE_LIMIT:
        time.sleep(5.0)
        now = time.monotonic()
        seen.append((now, _number("pages_sharing")))
        earlier = [shared for at, shared in seen if at <= now - STEADY]
        if (_number("full_scans") - first >= MIN_SCANS and earlier
                and seen[-1][1] < 1.01 * earlier[-1]):
            break
    return _number("full_scans") - first


def _write(values: dict[str, str]) -> None:
    for name, value in values.items():
        (KSM / name).write_text(value, encoding="ascii")


def _restore(saved: dict[str, str]) -> None:
    """The host's settings again; pages this run merged are split first (``run`` 2), so that
    what is measured next is measured as the host left it."""
    with contextlib.suppress(OSError):
        if saved["run"] != "1":
            _write({"run": "2"})
        _write(saved)


def _number(name: str) -> int:
    return int((KSM / name).read_text(encoding="ascii").strip())


def _cpu(proc: psutil.Process) -> float:
    times = proc.cpu_times()
    return float(times.user + times.system)
