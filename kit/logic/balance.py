"""Look-ahead for peer allocation: can the round still end with review counts within 1?

The rest of a round is a bipartite b-matching. Each reviewer still owes some reviews, may take
each allowed draft once, and every draft must end with ``q`` or ``q + 1`` reviews, where ``q``
comes from the largest total the reviewers can still give. Augmenting paths (Ford–Fulkerson on
unit capacities) decide it in two phases: first every draft's minimum, then its maximum. An
augmenting path never takes a review away from a draft, so the minimums stay met.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping, Sequence


def plan(owed: Mapping[int, int], allowed: Mapping[int, Sequence[int]],
         counts: Mapping[int, int], authors: Sequence[int]) -> dict[int, set[int]] | None:
    """One balanced completion (reviewer → authors), or ``None`` when none exists.

    ``owed`` reviewer → reviews still to give; ``allowed`` reviewer → authors they may still
    be given; ``counts`` author → reviews so far.
    """
    if not authors:
        return None
    can = {r: min(n, len(allowed.get(r, ()))) for r, n in owed.items() if n > 0}
    total = sum(counts.get(a, 0) for a in authors) + sum(can.values())
    q = total // len(authors)
    if any(counts.get(a, 0) > q + 1 for a in authors):
        return None  # the past is already out of balance
    lo = {a: max(0, q - counts.get(a, 0)) for a in authors}
    hi = {a: q + 1 - counts.get(a, 0) for a in authors}
    flow = _Flow(can, allowed, authors)
    if flow.fill(lo) < sum(lo.values()) or flow.fill(hi) < sum(can.values()):
        return None
    return flow.given


class _Flow:
    """Reviewer → author assignments, grown one augmenting path at a time."""

    def __init__(self, can: Mapping[int, int], allowed: Mapping[int, Sequence[int]],
                 authors: Sequence[int]) -> None:
        self.can, self.allowed = can, allowed
        self.given: dict[int, set[int]] = {r: set() for r in can}
        self.holders: dict[int, set[int]] = {a: set() for a in authors}

    def fill(self, cap: Mapping[int, int]) -> int:
        """Augment until no path is left; the number of assignments made so far."""
        while self._augment(cap):
            pass
        return sum(len(g) for g in self.given.values())

    def _augment(self, cap: Mapping[int, int]) -> bool:
        starts = [r for r in self.can if len(self.given[r]) < self.can[r]]
        gives_up: dict[int, int | None] = dict.fromkeys(starts)
        taker: dict[int, int] = {}
        queue = deque(starts)
        while queue:
            r = queue.popleft()
            for a in self.allowed.get(r, ()):
                if a in taker or a in self.given[r] or a not in self.holders:
                    continue
                taker[a] = r
                if len(self.holders[a]) < cap[a]:
                    self._apply(a, taker, gives_up)
                    return True
                fresh = [h for h in sorted(self.holders[a]) if h not in gives_up]
                gives_up.update(dict.fromkeys(fresh, a))
                queue.extend(fresh)
        return False

    def _apply(self, a: int, taker: Mapping[int, int],
               gives_up: Mapping[int, int | None]) -> None:
        """Walk the path back: each reviewer takes a draft and gives up the one before."""
        current: int | None = a
        while current is not None:
            r = taker[current]
            self.given[r].add(current)
            self.holders[current].add(r)
            before = gives_up[r]
            if before is not None:
                self.given[r].discard(before)
                self.holders[before].discard(r)
            current = before
