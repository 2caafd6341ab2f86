"""The figures of a session report for drafting and peer review. Pure.

Rubric averages are over drafts: each draft's final score per criterion (the instructor's
override, else the peers' median), then the mean over drafts. Reviewer reliability is each
reviewer's mean distance, in rubric levels, from the other reviewers of the same drafts.
"""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass
from typing import Any

from kit.logic import rules
from kit.logic.peer import reliability
from kit.reports.data import SessionData
from kit.reports.drafts import final_scores
from kit.reports.results import Result

FAR = 1.0  #: a reviewer this many levels or more from the others on average is "far"
SHOWCASE = 2


@dataclass(frozen=True)
class DraftFigures:
    activity: Any
    joined: int
    covered: int
    """Trainees with a draft (their own, or their group's)."""
    drafts: int
    hints: tuple[tuple[str, int], ...]
    """Rule hints and how many drafts drew them, commonest first."""


@dataclass(frozen=True)
class CriterionFigure:
    name: str
    mean: float | None
    top: int


@dataclass(frozen=True)
class Showcase:
    score: float
    reviews: int
    sections: tuple[tuple[str, str], ...]
    """(section title, text as the trainee wrote it: escape before showing)."""


@dataclass(frozen=True)
class PeerFigures:
    activity: Any
    reviewers: int
    completed: int
    reviews: int
    criteria: tuple[CriterionFigure, ...]
    compared: int
    """Reviewers whose drafts had other reviewers to compare with."""
    median_distance: float | None
    far: int
    flagged: int
    showcase: tuple[Showcase, ...]


def _latest_drafts(d: SessionData, draft_id: str) -> dict[int, dict[str, str]]:
    """author → the sections of their latest draft."""
    best: dict[int, tuple[int, dict[str, str]]] = {}
    for s in (s for s in d.submissions if s.activity_id == draft_id):
        if s.participant_id not in best or s.version >= best[s.participant_id][0]:
            best[s.participant_id] = (s.version, s.payload.get("sections", {}))
    return {a: sections for a, (_, sections) in best.items()}


def draft_figures(d: SessionData, act: Any, results: dict[int, dict[str, Result]]) -> DraftFigures:
    template = d.course.templates[act.template]
    sets = d.course.rules_for(template.id)
    drafts = _latest_drafts(d, act.id)
    hints = Counter(title for texts in drafts.values()
                    for title in {f.title for f in rules.check(sets, texts)})
    covered = sum(1 for r in results.values() if act.id in r and r[act.id].done)
    return DraftFigures(act, len(d.people), covered, len(drafts), tuple(hints.most_common()))


def _showcase(d: SessionData, act: Any, finals: dict[int, dict[str, float]],
              counts: Counter[int]) -> tuple[Showcase, ...]:
    template = d.course.templates[d.course.activity(act.of).template]  # type: ignore[union-attr]
    texts = _latest_drafts(d, act.of)
    top = max(d.course.rubrics[act.rubric].scores)
    ranked = sorted((a for a in finals if finals[a] and a in texts),
                    key=lambda a: (-statistics.mean(finals[a].values()), -counts[a], a))
    return tuple(Showcase(statistics.mean(finals[a].values()) / top, counts[a],
                          tuple((sec.title, texts[a].get(sec.id, "")) for sec in
                                template.sections)) for a in ranked[:SHOWCASE])


def peer_figures(d: SessionData, act: Any, results: dict[int, dict[str, Result]]) -> PeerFigures:
    got = d.reviews.get(act.id, [])
    rubric = d.course.rubrics[act.rubric]
    counts = Counter(rv.author for rv in got)
    finals = {a: final_scores(d, act.id, a) for a in counts}
    criteria = tuple(CriterionFigure(c.name, _mean([f[c.id] for f in finals.values()
                                                    if c.id in f]), max(rubric.scores))
                     for c in rubric.criteria)
    rel = [r.from_consensus for r in reliability([(rv.reviewer, rv.author, rv.scores)
                                                for rv in got])
           if r.from_consensus is not None]
    done = [r[act.id] for r in results.values() if act.id in r]
    return PeerFigures(act, len({rv.reviewer for rv in got}),
                       sum(1 for r in done if r.done and r.progress), len(got), criteria,
                       len(rel), statistics.median(rel) if rel else None,
                       sum(1 for v in rel if v >= FAR), sum(1 for rv in got if rv.flag),
                       _showcase(d, act, finals, counts))


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None
