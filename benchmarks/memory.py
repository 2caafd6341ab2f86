"""Kernel memory as the kernel really costs it: PSS and USS from ``/proc/PID/smaps_rollup``.

Forked kernels share pages with their parent and with each other, so RSS counts those pages
once per kernel. PSS divides each shared page among the processes that map it (so the PSS of
all processes adds up to what they take together); USS is what a process alone holds.
"""

from __future__ import annotations

from dataclasses import dataclass

import psutil

MB = 1024.0  # smaps_rollup reports kB


@dataclass(frozen=True)
class Memory:
    rss: float
    pss: float
    uss: float


def of(pid: int) -> Memory | None:
    """RSS, PSS and USS in MB, or None if the process is gone."""
    fields: dict[str, float] = {}
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as fh:
            for line in fh:
                name, _, rest = line.partition(":")
                if rest.strip().endswith("kB"):
                    fields[name] = float(rest.split()[0])
    except OSError:
        return None
    uss = fields.get("Private_Clean", 0.0) + fields.get("Private_Dirty", 0.0)
    return Memory(fields.get("Rss", 0.0) / MB, fields.get("Pss", 0.0) / MB, uss / MB)


def of_all(procs: list[psutil.Process]) -> list[Memory]:
    return [m for m in (of(p.pid) for p in procs) if m is not None]


def cpu_seconds(procs: list[psutil.Process]) -> float:
    total = 0.0
    for proc in procs:
        try:
            t = proc.cpu_times()
            total += t.user + t.system
        except psutil.Error:
            continue
    return total
