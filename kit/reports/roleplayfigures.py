"""The figures of a role-play activity for the session report. Pure: no store, no HTML.

The class's path distribution is each player's latest attempt (a trainee alone, or a group
once), as the console and projector show it; the skill profile is the mean, per skill, over
every finished attempt that touched the skill; the scores are each player's best.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from kit.content.scenario_models import Scenario
from kit.logic.roleplay_profile import STEP_SKILLS
from kit.logic.roleplay_tree import PathTree, aggregate, latest_each
from kit.reports.data import SessionData
from kit.reports.results import Result
from kit.store.roleplay import Played


@dataclass(frozen=True)
class RoleplayFigures:
    activity: Any
    scenario: Scenario
    joined: int
    took_part: int
    completed: int
    groups: bool
    tree: PathTree
    best_scores: tuple[int, ...]
    """Each player's best finished score."""
    skills: Mapping[str, float | None]
    """skill → class mean (0–100) over finished attempts that touched it."""
    breaches: int
    """Rule-breaking replies over all finished attempts."""
    attempts: int


def owner(p: Played) -> tuple[bool, int]:
    return (p.group_no is not None, p.group_no or p.participant_id)


def roleplay_figures(d: SessionData, act: Any, results: dict[int, dict[str, Result]]
                     ) -> RoleplayFigures:
    sc = d.course.scenarios[act.scenario]
    plays = [p for p in d.plays if p.activity_id == act.id]
    done = [p for p in plays if p.finished]
    best: dict[tuple[bool, int], int] = {}
    for p in done:
        best[owner(p)] = max(best.get(owner(p), 0), p.attempt.score or 0)
    values: dict[str, list[int]] = {s: [] for s in STEP_SKILLS}
    for p in done:
        for s in p.attempt.profile.skills:
            if s.score is not None and s.skill in values:
                values[s.skill].append(s.score)
    mine = [r[act.id] for r in results.values()]
    return RoleplayFigures(
        act, sc, len(d.people), sum(1 for r in mine if r.progress),
        sum(1 for r in mine if r.done), bool(getattr(act, "group", False)),
        aggregate(sc, latest_each((owner(p), p.attempt) for p in plays)),
        tuple(sorted(best.values())),
        {k: (sum(v) / len(v) if v else None) for k, v in values.items()},
        sum(p.attempt.profile.breaches for p in done), len(plays))
