"""Forming groups: random, or balanced by score (snake draft). Pure functions."""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence


def count_for(n: int, size: int) -> int:
    return max(1, round(n / max(1, size)))


def random_groups(people: Sequence[int], size: int, seed: int | None = None) -> dict[int, int]:
    order = list(people)
    random.Random(seed).shuffle(order)
    groups = count_for(len(order), size)
    return {pid: i % groups + 1 for i, pid in enumerate(order)}


def balanced_groups(scores: Mapping[int, float], size: int) -> dict[int, int]:
    """Strongest to weakest, dealt 1,2,…,g,g,…,2,1: every group gets a mix."""
    order = sorted(scores, key=lambda p: (-scores[p], p))
    groups = count_for(len(order), size)
    out = {}
    for i, pid in enumerate(order):
        lap, pos = divmod(i, groups)
        out[pid] = (pos if lap % 2 == 0 else groups - 1 - pos) + 1
    return out
