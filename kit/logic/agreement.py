"""Agreement among trainees on one dimension of an activity.

Single choice: Fleiss' kappa when every trainee answered every case, otherwise nominal
Krippendorff's alpha (which allows missing answers). Multiple choice: Krippendorff's alpha over
(case, label) units coded chosen / not chosen.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from kit.i18n import _
from kit.logic.classify import Answer
from kit.logic.questions import Question
from kit.logic.stats import fleiss, krippendorff_alpha

#: participant → question id → answer
ByTrainee = Mapping[int, Mapping[str, Answer]]


@dataclass(frozen=True)
class Agreement:
    method: str
    value: float | None


def _single(questions: Sequence[Question], ask_id: str, data: ByTrainee) -> Agreement:
    codes = [c.code for c in next(a for a in questions[0].asks if a.id == ask_id).choices]
    rows = []
    for q in questions:
        picks = [next(iter(a[q.id].get(ask_id, ())), None) for a in data.values() if q.id in a]
        rows.append([sum(1 for p in picks if p == c) for c in codes])
    if len({sum(r) for r in rows}) == 1:
        return Agreement("Fleiss κ", fleiss(rows))
    units = [[_index(codes, a.get(q.id, {}).get(ask_id, ())) for q in questions]
             for a in data.values()]
    return Agreement("Krippendorff α", krippendorff_alpha(units))


def _index(codes: list[str], chosen: object) -> int | None:
    picked = list(chosen) if isinstance(chosen, list | tuple) else []
    return codes.index(picked[0]) if picked and picked[0] in codes else None


def _multi(questions: Sequence[Question], ask_id: str, data: ByTrainee) -> Agreement:
    rows = []
    for answers in data.values():
        row: list[int | None] = []
        for q in questions:
            ask = next(a for a in q.asks if a.id == ask_id)
            chosen = set(answers[q.id].get(ask_id, ())) if q.id in answers else None
            row += [None if chosen is None else int(c.code in chosen) for c in ask.choices]
        rows.append(row)
    return Agreement("Krippendorff α", krippendorff_alpha(rows))


def agreement(questions: Sequence[Question], ask_id: str, data: ByTrainee) -> Agreement:
    """Agreement on ``ask_id``; ``value`` is ``None`` when too few answers to say."""
    if len(data) < 2 or not questions:
        return Agreement("—", None)
    ask = next(a for a in questions[0].asks if a.id == ask_id)
    if ask.cardinality == "single":
        return _single(questions, ask_id, data)
    return _multi(questions, ask_id, data)


def reading(value: float | None) -> str:
    """Agreement in plain Chinese: 低 below 0.4, 中 up to 0.6, 高 above (Landis and Koch's
    fair/moderate/substantial bands, merged to three); 不足以判断 without a value."""
    if value is None:
        return _("不足以判断")
    if value < 0.4:
        return _("低")
    return _("中") if value <= 0.6 else _("高")


def fmt(value: float) -> str:
    """Two decimals, with no "-0.00" for a value that rounds to zero."""
    text = f"{value:.2f}"
    return "0.00" if text == "-0.00" else text
