"""A peer-review round through the store: reviewers ask at once, counts end within 1."""

from __future__ import annotations

import uuid
from concurrent.futures import ThreadPoolExecutor

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
