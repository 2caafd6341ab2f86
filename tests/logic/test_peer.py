"""Peer allocation properties; aggregation and reliability against hand-computed values."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kit.logic.balance import plan
from kit.logic.peer import Draft, Reviewer, deviation, medians, next_draft, plan_round, reliability


def run_round(drafts: list[Draft], order: list[int], k: int, seed: int = 0,
              groups: dict[int, int] | None = None) -> dict[int, list[int]]:
    """Reviewers ask in ``order`` (repeats = asking again) until they have k or nothing.

    Everyone with a draft is expected to review, as in the store."""
    counts: dict[int, int] = {}
    given: dict[int, list[int]] = {d.author: [] for d in drafts}
    groups = groups or {}

    def who(r: int) -> Reviewer:
        done = given.setdefault(r, [])
        return Reviewer(r, groups.get(r), frozenset(done), k - len(done))

    for reviewer in order:
        me = who(reviewer)
        if me.owed <= 0:
            continue
        others = [who(r) for r in sorted(given) if len(given[r]) < k]
        author = next_draft(me, others, drafts, counts, seed)
        if author is not None:
            given[reviewer].append(author)
            counts[author] = counts.get(author, 0) + 1
    return given


def spread(drafts: list[Draft], given: dict[int, list[int]]) -> int:
    counts = [sum(a.count(d.author) for a in given.values()) for d in drafts]
    return max(counts) - min(counts)


@given(n=st.integers(3, 40), k=st.integers(1, 4), seed=st.integers(0, 99), data=st.data())
@settings(max_examples=150, deadline=None)
def test_any_order_no_self_review_balanced_within_one_and_reproducible(
        n: int, k: int, seed: int, data: st.DataObject) -> None:
    """Reviewers ask in any order, fast ones racing ahead; counts still end within 1."""
    drafts = [Draft(a) for a in range(n)]
    order = data.draw(st.permutations(list(range(n)) * k))
    given = run_round(drafts, order, k, seed)
    assert all(a != r for r, authors in given.items() for a in authors)
    assert all(len(set(a)) == len(a) for a in given.values())
    assert all(len(a) == min(k, n - 1) for a in given.values())
    assert spread(drafts, given) <= 1
    assert run_round(drafts, order, k, seed) == given


@given(n=st.integers(4, 24), size=st.integers(2, 4), k=st.integers(1, 3), data=st.data())
@settings(max_examples=80, deadline=None)
def test_no_same_group_review_and_balanced_when_possible(n: int, size: int, k: int,
                                                         data: st.DataObject) -> None:
    groups = {p: p // size for p in range(n)}
    drafts = [Draft(a, groups[a]) for a in range(n)]
    order = data.draw(st.permutations(list(range(n)) * k))
    given = run_round(drafts, order, k, groups=groups)
    assert all(groups[a] != groups[r] for r, authors in given.items() for a in authors)
    start = [Reviewer(r, groups[r], frozenset(), k) for r in range(n)]
    if plan_round(start, drafts, {}) is not None:  # a balanced round exists at all
        assert spread(drafts, given) <= 1


def test_the_greedy_trap_is_avoided() -> None:
    """Three people, one review each: after 0 takes 1, taking 0 would leave 2 only its own."""
    drafts = [Draft(a) for a in range(3)]
    for seed in range(20):
        assert spread(drafts, run_round(drafts, [0, 1, 2], 1, seed)) == 0


def test_balance_plan_by_hand() -> None:
    # Two reviewers owe one each; author 3 already has 2, so 1 and 2 must get them.
    allowed = {1: [2, 3], 2: [1, 3]}
    got = plan({1: 1, 2: 1}, allowed, {3: 2}, [1, 2, 3])
    assert got == {1: {2}, 2: {1}}
    assert plan({1: 1}, {1: [3]}, {3: 2}, [1, 2, 3]) is None  # 1 can only add to 3


@given(n=st.integers(4, 20), late=st.integers(1, 5))
@settings(max_examples=30, deadline=None)
def test_late_joiners_are_served_and_leavers_starve_nobody(n: int, late: int) -> None:
    drafts = [Draft(a) for a in range(n)]
    early = list(range(n - late))  # the late ones' drafts exist, they ask only later
    first = run_round(drafts, early, 1)
    assert all(first[r] for r in early)
    everyone = run_round(drafts, early + list(range(n - late, n)), 1)
    assert all(everyone[r] for r in range(n))  # latecomers get a draft too
    reviewed = {a for authors in everyone.values() for a in authors}
    assert len(reviewed) == n  # with one review each, every draft got one


@given(n=st.integers(3, 25), k=st.integers(1, 3), data=st.data())
@settings(max_examples=80, deadline=None)
def test_reviewers_who_never_come_starve_no_draft(n: int, k: int, data: st.DataObject) -> None:
    """The look-ahead counts on everyone with a draft; when some never ask, the drafts meant
    for them end one short at most: everyone present gets k, and the spread stays within 2."""
    absent = data.draw(st.sets(st.integers(0, n - 1), min_size=1, max_size=max(1, n // 3)))
    order = data.draw(st.permutations([r for r in list(range(n)) * k if r not in absent]))
    drafts = [Draft(a) for a in range(n)]
    given = run_round(drafts, order, k)
    assert all(len(given[r]) == min(k, n - 1) for r in range(n) if r not in absent)
    assert spread(drafts, given) <= 2


@given(n=st.integers(4, 20), joiners=st.integers(1, 4), k=st.integers(1, 3))
@settings(max_examples=30, deadline=None)
def test_drafts_arriving_mid_round_are_reviewed_first(n: int, joiners: int, k: int) -> None:
    early = [Draft(a) for a in range(n)]
    given = run_round(early, list(range(n)), k)  # everyone has one review in hand
    drafts = early + [Draft(n + j) for j in range(joiners)]
    counts = {d.author: sum(a.count(d.author) for a in given.values()) for d in drafts}
    me = Reviewer(0, None, frozenset(given[0]), k - len(given[0]))
    if me.owed:
        assert next_draft(me, [], drafts, counts) >= n  # a newcomer's draft, unreviewed


def test_medians_and_deviation_by_hand() -> None:
    reviews = [{"a": 1, "b": 4}, {"a": 3, "b": 4}, {"a": 4, "b": 2}]
    assert medians(reviews) == {"a": 3.0, "b": 4.0}
    assert deviation({"a": 1, "b": 4}, {"a": 3.0, "b": 4.0}) == 1.0
    assert deviation({}, {"a": 1.0}) is None


def test_reliability_by_hand() -> None:
    # Draft 10 reviewed by 1, 2, 3; draft 11 by 1 only (no consensus, does not count).
    reviews = [(1, 10, {"a": 4}), (2, 10, {"a": 2}), (3, 10, {"a": 2}), (1, 11, {"a": 3})]
    got = {r.reviewer: r for r in reliability(reviews, {1: 0.5})}
    assert got[1].from_consensus == pytest.approx(2.0)  # 4 vs median(2, 2)
    assert got[2].from_consensus == pytest.approx(1.0)  # 2 vs median(4, 2) = 3
    assert got[1].reviews == 2 and got[1].from_key == 0.5 and got[3].from_key is None
