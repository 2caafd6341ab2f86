"""A whole class of fork kernels on one server: memory of all of them, and CPU per poll.

Each trainee is seated in the workshop (a token in the URL) while an activity is open, so the
kernel builds that activity's screen when Voilà renders the page: the kernel's memory is then
"activity shown". Renders go in waves of ``WAVE`` (a room arriving), over HTTP, no browser.
Every seated kernel polls the store once a second for two minutes after its page was rendered
(then it assumes the page is gone); the CPU those kernels use over ``WINDOW`` seconds, divided
by the polls made in that time, is the CPU per poll. The first class (200 in a full run, the size
of the goal) is then measured once more with the host's page merging on, where the run may switch
it on (``benchmarks/ksm.py``); its pages are unmerged again before the class grows.
"""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from typing import Any

from benchmarks import ksm, measure, memory, servers
from kit.store import Store, activities, participants, workshops

WAVE = 20
WINDOW = 10.0
ACTIVITY = "m3-daily-problems"
POLLING = 118.0  # a kernel without a page polls for 120 s after it started


def seats(db: str, n: int) -> tuple[str, list[str]]:
    store = Store(db)
    ws, _ = workshops.create(store, "整班内存", (3,))
    activities.set_state(store, ws.id, ACTIVITY, "open")
    tokens = [participants.join(store, ws.id, f"学员{i:03d}")[1] for i in range(n)]
    store.dispose()
    return ws.code, tokens


def fill(srv: servers.Running, code: str, tokens: list[str]) -> int:
    """Render every trainee's page; the number lost."""
    lost = 0
    with ThreadPoolExecutor(max_workers=WAVE) as pool:
        for start in range(0, len(tokens), WAVE):
            wave = tokens[start:start + WAVE]
            ok = pool.map(lambda t: _render(srv, f"?code={code}&t={t}"), wave)
            lost += sum(1 for good in ok if not good)
    return lost


def _render(srv: servers.Running, query: str) -> bool:
    try:
        measure.render(srv, timeout=180, query=query)
        return True
    except Exception:
        return False


def figures(srv: servers.Running, size: int) -> dict[str, Any]:
    kernels, parent = srv.kernels(), srv.parent()
    mem = memory.of_all(kernels)
    parent_mem = memory.of(parent.pid) if parent else None
    cpu0, t0 = memory.cpu_seconds(kernels), time.time()
    time.sleep(WINDOW)
    cpu, t1 = memory.cpu_seconds(kernels) - cpu0, time.time()
    polls = sum(_polling(k, t0, t1) for k in kernels)  # one poll a second per kernel
    took = t1 - t0
    return {"size": size, "kernels": len(kernels),
            "pss_sum_mb": sum(m.pss for m in mem), "uss_sum_mb": sum(m.uss for m in mem),
            "rss_sum_mb": sum(m.rss for m in mem),
            "pss_median_mb": measure.Figure("pss", "MB", tuple(m.pss for m in mem)).median,
            "parent_pss_mb": parent_mem.pss if parent_mem else 0.0,
            "cpu_per_poll_ms": 1000 * cpu / polls if polls else 0.0,
            "cpu_share": cpu / took}


def _polling(kernel: Any, t0: float, t1: float) -> float:
    """Seconds of [t0, t1] in which this kernel was polling (its first POLLING s)."""
    try:
        born = float(kernel.create_time())
    except Exception:
        return 0.0
    return max(0.0, min(t1, born + POLLING) - max(t0, born))


def run(db: str, sizes: tuple[int, ...]) -> list[dict[str, Any]]:
    """One server; the class grows to each size in turn and is measured there."""
    srv = servers.kit(db)
    out: list[dict[str, Any]] = []
    try:
        seated = 0
        for size in sizes:
            code, tokens = seats(db, size - seated)
            lost = fill(srv, code, tokens)
            seated = size
            time.sleep(2.0)
            out.append(figures(srv, size) | {"lost": lost})
            print(f"[bench] class of {size}: {out[-1]}", flush=True)
            if len(out) == 1:
                out[0]["ksm"] = ksm.merged(partial(figures, srv, size))
                print(f"[bench] class of {size} with KSM: {out[0]['ksm']}", flush=True)
    finally:
        measure.cleanup(srv)
        srv.stop()
    return out
