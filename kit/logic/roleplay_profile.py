"""The skill profile of a play: one score per skill of module 六, and the rule breaches.

Each reply carries the skills it exercises and a quality (佳/可/欠妥). A skill's score is the
mean of its replies' qualities (佳 100, 可 50, 欠妥 0); a skill no reply touched has no score
(shown as 未涉及, not as 0). Replies tagged 合规 break a rule: they are counted, not averaged.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Protocol

from kit.content.scenario_models import BREACH, SKILLS, Scenario
from kit.content.scenario_rules import choice_at

QUALITY_VALUES = {"good": 100, "fair": 50, "poor": 0}
STEP_SKILLS = tuple(s for s in SKILLS if s != BREACH)


class _Played(Protocol):
    @property
    def node(self) -> str: ...

    @property
    def choice(self) -> int: ...


@dataclass(frozen=True)
class SkillScore:
    skill: str
    replies: int
    score: int | None


@dataclass(frozen=True)
class Profile:
    skills: tuple[SkillScore, ...]
    breaches: int

    def to_dict(self) -> dict[str, Any]:
        return {"skills": {s.skill: s.score for s in self.skills},
                "replies": {s.skill: s.replies for s in self.skills}, "breaches": self.breaches}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Profile:
        return cls(tuple(SkillScore(k, data["replies"][k], v) for k, v in data["skills"].items()),
                   data["breaches"])


def profile(scenario: Scenario, steps: Iterable[_Played]) -> Profile:
    values: dict[str, list[int]] = {s: [] for s in STEP_SKILLS}
    breaches = 0
    for step in steps:
        choice = choice_at(scenario, step.node, step.choice)
        breaches += BREACH in choice.skills
        for skill in choice.skills:
            if skill != BREACH:
                values[skill].append(QUALITY_VALUES[choice.quality])
    return Profile(tuple(SkillScore(s, len(v), round(sum(v) / len(v)) if v else None)
                         for s, v in values.items()), breaches)
