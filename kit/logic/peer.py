"""Peer review: allocation on demand, aggregation and reviewer reliability. Pure functions.

Allocation: a reviewer who asks gets the eligible draft with the fewest reviews so far —
never their own, never their group's, never one they already have. Ties break by a seeded
hash, so the same seed gives the same allocation. A look-ahead (kit.logic.balance) overrides
that choice only when taking it would rule out ending the round with counts within 1.
Nobody waits for anybody: late joiners are served from what is there, and a reviewer who
leaves only leaves their own slot unused.
"""

from __future__ import annotations

import hashlib
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from kit.logic.balance import plan


@dataclass(frozen=True)
class Draft:
    author: int
    group: int | None = None


def _tiebreak(seed: int, reviewer: int, author: int) -> str:
    return hashlib.sha256(f"{seed}:{reviewer}:{author}".encode()).hexdigest()


@dataclass(frozen=True)
class Reviewer:
    """Someone in the round: their group, the authors already given, the reviews still owed."""

    id: int
    group: int | None
    done: frozenset[int]
    owed: int


def eligible(reviewer: int, group: int | None, drafts: Sequence[Draft],
             done: set[int] | frozenset[int]) -> list[Draft]:
    return [d for d in drafts if d.author != reviewer and d.author not in done
            and (group is None or d.group != group)]


def next_draft(me: Reviewer, others: Sequence[Reviewer], drafts: Sequence[Draft],
               counts: Mapping[int, int], seed: int = 0) -> int | None:
    """The author whose draft this reviewer should review next, or ``None``.

    Fewest reviews first, ties by a seeded hash. If taking that draft would rule out a
    balanced end of the round (``others``: the reviewers who still owe reviews), take the
    best-ranked draft that a balanced completion gives this reviewer instead.
    """
    ranked = sorted(eligible(me.id, me.group, drafts, me.done),
                    key=lambda d: (counts.get(d.author, 0), _tiebreak(seed, me.id, d.author)))
    if not ranked:
        return None
    first = ranked[0].author
    everyone = [me, *[r for r in others if r.id != me.id]]
    planned = plan_round(everyone, drafts, counts)
    if planned is None or first in planned.get(me.id, ()):
        return first
    after = Reviewer(me.id, me.group, me.done | {first}, me.owed - 1)
    if plan_round([after, *everyone[1:]], drafts, {**counts, first: counts.get(first, 0) + 1}):
        return first
    return next((d.author for d in ranked if d.author in planned.get(me.id, ())), first)


def plan_round(reviewers: Sequence[Reviewer], drafts: Sequence[Draft],
               counts: Mapping[int, int]) -> dict[int, set[int]] | None:
    """A balanced completion of the round (reviewer → authors), or ``None`` if none exists."""
    authors = [d.author for d in drafts]
    allowed = {r.id: _rotated(r.id, [d.author for d in eligible(r.id, r.group, drafts, r.done)])
               for r in reviewers}
    return plan({r.id: r.owed for r in reviewers}, allowed, counts, authors)


def _rotated(reviewer: int, authors: list[int]) -> list[int]:
    """Start each reviewer's search after themselves, so searches spread over the drafts."""
    cut = sum(1 for a in authors if a < reviewer)
    return authors[cut:] + authors[:cut]


def medians(reviews: Sequence[Mapping[str, int]]) -> dict[str, float]:
    """criterion → median score over the reviews of one draft."""
    criteria = {c for r in reviews for c in r}
    return {c: float(statistics.median([r[c] for r in reviews if c in r]))
            for c in sorted(criteria)}


def deviation(scores: Mapping[str, int], reference: Mapping[str, float]) -> float | None:
    """Mean absolute difference over the criteria both share."""
    common = [c for c in scores if c in reference]
    if not common:
        return None
    return sum(abs(scores[c] - reference[c]) for c in common) / len(common)


@dataclass(frozen=True)
class Reliability:
    reviewer: int
    reviews: int
    from_consensus: float | None
    from_key: float | None


def reliability(reviews: Sequence[tuple[int, int, Mapping[str, int]]],
                calibration: Mapping[int, float] | None = None) -> list[Reliability]:
    """Per reviewer: mean deviation from the other reviewers of the same drafts.

    ``reviews`` are (reviewer, author, scores). A draft with one review has no consensus to
    compare with, so it does not count; ``calibration`` maps reviewer → deviation from the key.
    """
    by_author: dict[int, list[tuple[int, Mapping[str, int]]]] = {}
    for reviewer, author, scores in reviews:
        by_author.setdefault(author, []).append((reviewer, scores))
    devs: dict[int, list[float]] = {}
    counts: dict[int, int] = {}
    for items in by_author.values():
        for reviewer, scores in items:
            counts[reviewer] = counts.get(reviewer, 0) + 1
            others = [s for r, s in items if r != reviewer]
            dev = deviation(scores, medians(others)) if others else None
            if dev is not None:
                devs.setdefault(reviewer, []).append(dev)
    calibration = calibration or {}
    everyone = sorted(set(counts) | set(calibration))
    return [Reliability(r, counts.get(r, 0),
                        sum(devs[r]) / len(devs[r]) if r in devs else None, calibration.get(r))
            for r in everyone]
