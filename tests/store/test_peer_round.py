"""A peer-review round through the store: reviewers ask at once, counts end within 1."""

from __future__ import annotations

import uuid
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from kit.store import Store, activities, participants, peer, work, workshops

K = 2


def _reviewer(store: Store, workshop_id: int, me: int) -> list[int]:
    """Ask, review, ask again until the store says there is nothing more."""
    got = []
    while (a := peer.next_allocation(store, workshop_id, "rev", "draft", me, K)) is not None:
        got.append(a.author_id)
        peer.review(store, a.id, me, {"c": 3}, "好", uuid.uuid4().hex)
    return got


@pytest.mark.parametrize("n", [3, 5, 7])
def test_reviewers_racing_end_balanced(store: Store, n: int) -> None:
    ws, _ = workshops.create(store, "互评", (3,))
    activities.set_state(store, ws.id, "draft", "open")
    people = [participants.join(store, ws.id, f"学员{i}")[0].id for i in range(n)]
    for p in people:
        work.submit(store, ws.id, p, "draft", "case-1", {"text": "方案"}, uuid.uuid4().hex)
    with ThreadPoolExecutor(n) as pool:
        rounds = pool.map(lambda p: _reviewer(store, ws.id, p), people)
        given = dict(zip(people, rounds, strict=True))
    assert all(len(g) == K and len(set(g)) == K and p not in g for p, g in given.items())
    counts = [sum(g.count(a) for g in given.values()) for a in people]
    assert max(counts) - min(counts) <= 1, given
    assert len(peer.all_reviews(store, ws.id, "rev")) == n * K


def test_two_tabs_of_one_reviewer_store_one_review(store: Store,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Two tabs send the same review at once (read-then-insert races on PostgreSQL): the
    unique allocation keeps one review, and both tabs get its id. The check before the insert
    is slowed down, so both tabs find no review yet, as in a real race."""
    import threading
    import time

    found = peer._review_of

    def slow_check(conn: Any, allocation_id: int) -> int | None:
        result = found(conn, allocation_id)
        time.sleep(0.2)
        return result

    monkeypatch.setattr(peer, "_review_of", slow_check)

    ws, _ = workshops.create(store, "双开", (3,))
    activities.set_state(store, ws.id, "draft", "open")
    people = [participants.join(store, ws.id, f"学员{i}")[0].id for i in range(6)]
    for p in people:
        work.submit(store, ws.id, p, "draft", "case-1", {"text": "方案"}, uuid.uuid4().hex)
    allocations = [peer.next_allocation(store, ws.id, "rev", "draft", p, 1) for p in people]
    for alloc, reviewer in zip(allocations, people, strict=True):
        assert alloc is not None
        gate = threading.Barrier(2)

        def send(alloc_id: int = alloc.id, me: int = reviewer, gate: Any = gate) -> int:
            gate.wait()
            return peer.review(store, alloc_id, me, {"c": 3}, "好", uuid.uuid4().hex)

        with ThreadPoolExecutor(2) as pool:
            ids = list(pool.map(lambda _: send(), range(2)))
        assert ids[0] == ids[1]
    assert len(peer.all_reviews(store, ws.id, "rev")) == len(people)
