"""Store under load: simulated trainees in several processes; latency per write, losses."""

from __future__ import annotations

import multiprocessing as mp
import time
import uuid

from kit.store import Store, activities, participants, work, workshops


def _trainee_proc(url: str, wid: int, names: list[str], items: int,
                  out: mp.Queue) -> None:  # type: ignore[type-arg]
    store = Store(url)
    lat: list[float] = []
    errors = 0
    for name in names:
        p, _ = participants.join(store, wid, name)
        for i in range(items):
            t = time.perf_counter()
            try:
                work.autosave(store, p.id, "act", f"c{i}", {"answer": {"d": ["A"]}})
                work.submit(store, wid, p.id, "act", f"c{i}", {"answer": {"d": ["A"]}},
                            uuid.uuid4().hex)
            except Exception:
                errors += 1
            lat.append((time.perf_counter() - t) / 2)
    store.dispose()
    out.put((lat, errors))


def run(url: str, trainees: int, procs: int, items: int) -> dict[str, float]:
    store = Store(url)
    ws, _ = workshops.create(store, "压测", (3,))
    activities.set_state(store, ws.id, "act", "open")
    ctx = mp.get_context("spawn")
    out = ctx.Queue()
    chunks = [[f"t{i}" for i in range(trainees) if i % procs == k] for k in range(procs)]
    started = [ctx.Process(target=_trainee_proc, args=(url, ws.id, c, items, out))
               for c in chunks]
    for p in started:
        p.start()
    results = [out.get(timeout=600) for _ in started]
    for p in started:
        p.join()
    lat = sorted(x for r, _ in results for x in r)
    found = len(work.latest(store, ws.id, "act"))
    store.dispose()
    return {"lost": trainees * items - found, "errors": sum(e for _, e in results),
            "p50_ms": lat[len(lat) // 2] * 1000, "p99_ms": lat[int(len(lat) * 0.99)] * 1000}
