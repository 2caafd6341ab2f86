"""The figures of a session report for question activities (classification, quiz, poll). Pure.

Shares are 0–1 and shown as percentages. "Correct" means fully correct: for a multiple-choice
dimension, every key label and nothing else.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from kit.logic import stats
from kit.logic.agreement import Agreement, agreement, reading
from kit.logic.classify import Answer, score
from kit.logic.questions import Ask, Question, for_activity
from kit.reports.data import SessionData
from kit.reports.results import Result


@dataclass(frozen=True)
class Pick:
    code: str
    name: str
    count: int
    share: float
    key: bool


@dataclass(frozen=True)
class AskFigure:
    """One question on one dimension."""

    question: Question
    ask: Ask
    answered: int
    correct: float | None
    picks: tuple[Pick, ...]
    """Only labels somebody chose, most chosen first."""

    @property
    def wrong_pick(self) -> Pick | None:
        """The label most chosen instead of the key."""
        return next((p for p in self.picks if not p.key), None) if self.ask.graded else None


@dataclass(frozen=True)
class Confusion:
    key: str
    """Key label name, or "" for a label chosen outside the key (multiple choice)."""
    chosen: str
    """Chosen label name, or "" for a key label left out (multiple choice)."""
    count: int
    of_errors: float


@dataclass(frozen=True)
class DimensionFigure:
    """One dimension over every question of an activity."""

    ask_id: str
    name: str
    answers: int
    correct: float | None
    confusion: Confusion | None
    agreement: Agreement

    @property
    def reading(self) -> str:
        return reading(self.agreement.value)


@dataclass(frozen=True)
class QuestionFigures:
    activity: Any
    joined: int
    participants: int
    completed: int
    scores: tuple[float, ...]
    """Each participant's activity score (graded activities only)."""
    asks: tuple[AskFigure, ...]
    dimensions: tuple[DimensionFigure, ...]


def ask_figure(q: Question, ask: Ask, answers: Sequence[Answer]) -> AskFigure:
    counts = stats.distribution(answers, ask)
    names = {c.code: c.name for c in ask.choices}
    n = len(answers)
    picks = tuple(Pick(code, names.get(code, code), k, k / n if n else 0.0,
                       code in (ask.key or ())) for code, k in counts.most_common() if k)
    correct = None
    if ask.graded and n:
        correct = sum(score(a.get(ask.id, ()), ask.key or (), ask.cardinality) == 1.0
                      for a in answers) / n
    return AskFigure(q, ask, n, correct, picks)


def top_confusion(pairs: Sequence[tuple[Ask, Answer]]) -> Confusion | None:
    """The commonest error over a dimension: a key label judged as another (single choice),
    or a label added or left out (multiple choice)."""
    errors = Counter({kc: n for kc, n in stats.confusion(pairs).items() if kc[0] != kc[1]})
    wrong = sum(1 for ask, a in pairs if score(a.get(ask.id, ()), ask.key or (),
                                               ask.cardinality) < 1.0)
    if not errors or not wrong:
        return None
    (k, c), n = errors.most_common(1)[0]
    names = {ch.code: ch.name for ask, _ in pairs for ch in ask.choices} | {"—": ""}
    return Confusion(names.get(k, k), names.get(c, c), n, n / wrong)


def dimension_figure(qs: Sequence[Question], ask_id: str,
                     by_p: dict[int, dict[str, Answer]]) -> DimensionFigure:
    """A classification dimension over the activity's cases (they share its labels)."""
    pairs = [(a, ans[q.id]) for ans in by_p.values() for q in qs for a in q.asks
             if a.id == ask_id and q.id in ans]
    name = next(a.name for a in qs[0].asks if a.id == ask_id)
    correct = (sum(score(x.get(a.id, ()), a.key or (), a.cardinality) == 1.0 for a, x in pairs)
               / len(pairs)) if pairs else None
    return DimensionFigure(ask_id, name, len(pairs), correct, top_confusion(pairs),
                           agreement(qs, ask_id, by_p))


def question_figures(d: SessionData, act: Any,
                     results: dict[int, dict[str, Result]]) -> QuestionFigures:
    qs = for_activity(d.course, act.id)
    by_p: dict[int, dict[str, Answer]] = {}
    for s in (s for s in d.submissions if s.activity_id == act.id):
        by_p.setdefault(s.participant_id, {})[s.item_id] = s.payload.get("answer", {})
    asks = tuple(ask_figure(q, ask, [a[q.id] for a in by_p.values() if q.id in a])
                 for q in qs for ask in q.asks)
    mine = [r[act.id] for r in results.values() if act.id in r and r[act.id].progress]
    scores = tuple(r.score for r in mine if r.score is not None)
    dims = tuple(dimension_figure(qs, a.id, by_p) for a in qs[0].asks) \
        if act.kind == "classify" else ()
    return QuestionFigures(act, len(d.people), len(mine), sum(r.done for r in mine), scores,
                           asks, dims)
