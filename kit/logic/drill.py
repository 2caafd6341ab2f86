"""Self-paced drill: pick and shuffle cases, keep a running score per dimension. Pure."""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass, field

from kit.content import Case, Course
from kit.logic.classify import DimResult

DRILL_DIMENSIONS = ("problem", "category", "channel", "business", "cause", "demand",
                    "severity", "rights")


def pick(course: Course, module: int | None = None, category: str | None = None,
         difficulty: int | None = None, seed: int | None = None) -> list[Case]:
    """Complaint cases matching the filters, shuffled."""
    cases = [c for c in course.cases.values() if c.kind == "complaint"
             and (module is None or module in c.modules)
             and (category is None or category in c.key.get("category", ()))
             and (difficulty is None or c.difficulty == difficulty)]
    random.Random(seed).shuffle(cases)
    return cases


@dataclass
class Tally:
    """Running score per dimension over the cases answered so far."""

    scores: dict[str, list[float]] = field(default_factory=dict)

    def add(self, results: Mapping[str, DimResult]) -> None:
        for dim, result in results.items():
            self.scores.setdefault(dim, []).append(result.score)

    def means(self) -> dict[str, float]:
        return {d: sum(v) / len(v) for d, v in self.scores.items() if v}

    def weakest(self, n: int = 3) -> list[tuple[str, float]]:
        return sorted(self.means().items(), key=lambda kv: kv[1])[:n]

    @property
    def answered(self) -> int:
        return max((len(v) for v in self.scores.values()), default=0)
