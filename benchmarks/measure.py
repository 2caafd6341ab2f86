"""Measurements: each returns seconds, bytes or counts; the runner repeats and summarises."""

from __future__ import annotations

import contextlib
import json
import re
import statistics
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

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


@contextlib.contextmanager
def phase(name: str) -> Iterator[None]:
    """Say on stderr how long each part of the run took."""
    start = time.perf_counter()
    yield
    print(f"[bench] {name}: {time.perf_counter() - start:.0f} s", file=sys.stderr, flush=True)


CONFIG = re.compile(rb'<script id="jupyter-config-data" type="application/json">\s*(\{.*?\})\s*'
                    rb"</script>", re.S)
XSRF = {"Cookie": "_xsrf=00ff00ff", "X-XSRFToken": "00ff00ff"}  # double-submit, for cleanup


def render(server: Running, timeout: float = 120, query: str = "") -> float:
    """Seconds until Voilà has streamed the whole page (every cell executed server-side).

    A wedged render can trickle bytes for ever, so the limit is on the whole response."""
    start = time.perf_counter()
    with urllib.request.urlopen(server.url + query, timeout=min(timeout, 60)) as resp:
        body = _read(resp, start + timeout)
    found = CONFIG.search(body)
    if found:
        server.rendered.append(str(json.loads(found.group(1))["kernelId"]))
    if b"voila_finish" not in body or b"Kernel died" in body or b"kernel died" in body:
        raise RuntimeError("render failed")
    return time.perf_counter() - start


def _read(resp: Any, deadline: float) -> bytes:
    """The body as far as it came before ``deadline``."""
    chunks = []
    while time.perf_counter() < deadline and (chunk := resp.read1(65536)):
        chunks.append(chunk)
    return b"".join(chunks)


def burst(server: Running, n: int) -> tuple[float, int]:
    """``n`` renders at once: seconds until all are done, and how many failed."""
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=n) as pool:
        results = list(pool.map(lambda _: _safe_render(server), range(n)))
    took = time.perf_counter() - start
    cleanup(server)
    return took, sum(1 for ok in results if not ok)


def _safe_render(server: Running) -> bool:
    try:
        render(server, timeout=180)
        return True
    except Exception:
        return False


def cleanup(server: Running) -> None:
    """Shut down the kernels our renders started (killing them would only restart them)."""
    kernels, server.rendered[:] = list(server.rendered), []
    with ThreadPoolExecutor(max_workers=16) as pool:
        list(pool.map(lambda k: _shutdown(server, k), kernels))


def _shutdown(server: Running, kernel: str) -> None:
    req = urllib.request.Request(f"http://127.0.0.1:{server.port}/voila/api/shutdown/{kernel}",
                                 data=b"", method="POST", headers=XSRF)
    with contextlib.suppress(OSError):
        urllib.request.urlopen(req, timeout=30).close()
