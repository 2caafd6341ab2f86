"""Measurements: each returns seconds, bytes or counts; the runner repeats and summarises."""

from __future__ import annotations

import statistics
import time
import urllib.request
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from benchmarks.servers import Running


@dataclass(frozen=True)
class Figure:
    name: str
    unit: str
    values: tuple[float, ...]

    @property
    def median(self) -> float:
        return statistics.median(self.values)

    def summary(self) -> dict[str, float | str]:
        return {"median": self.median, "min": min(self.values), "max": max(self.values),
                "runs": len(self.values), "unit": self.unit}


def repeat(name: str, unit: str, runs: int, fn: Callable[[], float]) -> Figure:
    return Figure(name, unit, tuple(fn() for _ in range(runs)))


def render(url: str, timeout: float = 120) -> float:
    """Seconds until Voilà has streamed the whole page (every cell executed server-side)."""
    start = time.perf_counter()
    with urllib.request.urlopen(url, timeout=timeout) as resp:
        body = resp.read()
    if b"voila_finish" not in body or b"Kernel died" in body or b"kernel died" in body:
        raise RuntimeError("render failed")
    return time.perf_counter() - start


def burst(server: Running, n: int) -> tuple[float, int]:
    """``n`` renders at once: seconds until all are done, and how many failed."""
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=n) as pool:
        results = list(pool.map(lambda _: _safe_render(server.url), range(n)))
    return time.perf_counter() - start, sum(1 for ok in results if not ok)


def _safe_render(url: str) -> bool:
    try:
        render(url, timeout=180)
        return True
    except Exception:
        return False


def kernel_rss(server: Running) -> float:
    """Render once, then the resident memory (MB) of the newest kernel."""
    before = {k.pid for k in server.kernels()}
    render(server.url)
    time.sleep(1.0)
    new = [k for k in server.kernels() if k.pid not in before] or server.kernels()
    return max(k.memory_info().rss for k in new) / 2**20


def shutdown_all(server: Running) -> None:
    for kernel in server.kernels():
        kernel.terminate()
    time.sleep(0.5)
