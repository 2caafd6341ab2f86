"""Many kernels write at once: 8 processes × 200 writes, nothing lost, no lock errors."""

from __future__ import annotations

import multiprocessing as mp
import uuid

from kit.store import Store, activities, participants, work, workshops

PROCS, WRITES = 8, 200


def _writer(url: str, workshop_id: int, n: int, out: mp.Queue) -> None:  # type: ignore[type-arg]
    store = Store(url)
    errors = []
    p, _ = participants.join(store, workshop_id, f"学员{n}")
    for i in range(WRITES):
        try:
            if i % 2:
                work.autosave(store, p.id, "act", f"c{i % 7}", {"i": i})
            else:
                work.submit(store, workshop_id, p.id, "act", f"c{i}", {"i": i},
                            uuid.uuid4().hex)
        except Exception as exc:
            errors.append(repr(exc))
    store.dispose()
    out.put((n, errors))


def test_eight_processes_lose_nothing(store_url: str) -> None:
    store = Store(store_url)
    w, _ = workshops.create(store, "并发", (3,))
    activities.set_state(store, w.id, "act", "open")
    ctx = mp.get_context("spawn")
    out = ctx.Queue()
    procs = [ctx.Process(target=_writer, args=(store_url, w.id, n, out)) for n in range(PROCS)]
    for proc in procs:
        proc.start()
    results = [out.get(timeout=240) for _ in procs]
    for proc in procs:
        proc.join(timeout=30)
    assert all(not errors for _, errors in results), results
    subs = work.latest(store, w.id, "act")
    assert len(subs) == PROCS * WRITES // 2
    assert len(participants.roster(store, w.id)) == PROCS
    store.dispose()
