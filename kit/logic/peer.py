"""Peer review: allocation on demand, aggregation and reviewer reliability. Pure functions.

Allocation: a reviewer who asks gets the eligible draft with the fewest reviews so far —
never their own, never their group's, never one they already have. Ties break by a seeded
hash, so the same seed gives the same allocation. Nobody waits for anybody: late joiners are
served from what is there, and a reviewer who leaves only leaves their own slot unused.
"""

from __future__ import annotations

import hashlib
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Draft:
    author: int
    group: int | None = None


def _tiebreak(seed: int, reviewer: int, author: int) -> str:
    return hashlib.sha256(f"{seed}:{reviewer}:{author}".encode()).hexdigest()


def eligible(reviewer: int, group: int | None, drafts: Sequence[Draft],
             done: set[int]) -> list[Draft]:
    return [d for d in drafts if d.author != reviewer and d.author not in done
            and (group is None or d.group != group)]


def next_draft(reviewer: int, group: int | None, drafts: Sequence[Draft],
               counts: Mapping[int, int], done: set[int], seed: int = 0,
               pending: Mapping[int, set[int]] | None = None) -> int | None:
    """The author whose draft this reviewer should review next, or ``None``.

    Fewest reviews first. Among equals, the draft that most of the reviewers still to come
    cannot take (``pending``: reviewer → authors they may not review: their own, their
    group's, those already done) goes first, so nobody is later left with only their own.
    """
    pool = eligible(reviewer, group, drafts, done)
    if not pool:
        return None
    waiting = {r: b for r, b in (pending or {}).items() if r != reviewer}

    def pressure(d: Draft) -> int:
        return sum(1 for blocked in waiting.values() if d.author in blocked)

    best = min(pool, key=lambda d: (counts.get(d.author, 0), -pressure(d),
                                    _tiebreak(seed, reviewer, d.author)))
    return best.author


def blocked(reviewer: int, group: int | None, drafts: Sequence[Draft],
            done: set[int]) -> set[int]:
    """Authors this reviewer may not be given: own, same group, already reviewed."""
    return {d.author for d in drafts if d.author == reviewer or d.author in done
            or (group is not None and d.group == group)}


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
