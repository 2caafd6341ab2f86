"""Class-level figures for the instructor: distribution, accuracy, confusion, agreement.

Agreement statistics come from well-kept libraries (statsmodels, krippendorff), imported only
when asked for, so the trainee app never pays for them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from kit.logic.classify import Answer, grade, score, total
from kit.logic.questions import Ask, Question


def distribution(answers: Iterable[Answer], ask: Ask) -> Counter[str]:
    """How many trainees chose each label (a multi-choice answer counts each label)."""
    counts: Counter[str] = Counter({c.code: 0 for c in ask.choices})
    for answer in answers:
        counts.update(set(answer.get(ask.id, ())))
    return counts


def accuracy(answers: Sequence[Answer], ask: Ask) -> float | None:
    """Mean score on one dimension; ``None`` for polls or no answers."""
    if ask.key is None or not answers:
        return None
    scores = [score(a.get(ask.id, ()), ask.key, ask.cardinality) for a in answers]
    return sum(scores) / len(scores)


def confusion(pairs: Iterable[tuple[Ask, Answer]]) -> Counter[tuple[str, str]]:
    """(key label, chosen label) counts over the questions of one dimension.

    ``"—"`` stands for "nothing": ``(k, "—")`` is a missed key label, ``("—", c)`` an extra
    label chosen outside the key (multiple choice only).
    """
    out: Counter[tuple[str, str]] = Counter()
    for ask, answer in pairs:
        chosen, key = set(answer.get(ask.id, ())), set(ask.key or ())
        if ask.cardinality == "single":
            out.update((k, c) for k in key for c in (chosen or {"—"}))
            continue
        out.update((k, k if k in chosen else "—") for k in key)
        out.update(("—", c) for c in chosen - key)
    return out


def most_missed(questions: Sequence[Question], answers: Mapping[str, Sequence[Answer]],
                top: int = 5) -> list[tuple[str, float]]:
    """Questions with the lowest mean total score, worst first."""
    means = []
    for q in questions:
        given = answers.get(q.id, ())
        if given and any(a.graded for a in q.asks):
            means.append((q.id, sum(total(grade(q, a)) for a in given) / len(given)))
    return sorted(means, key=lambda m: m[1])[:top]


def fleiss(table: Sequence[Sequence[int]]) -> float | None:
    """Fleiss' kappa; rows are subjects, columns categories, cells rater counts.

    Needs the same number of raters per subject and at least two subjects."""
    rows = [r for r in table if sum(r)]
    if len(rows) < 2 or len({sum(r) for r in rows}) != 1 or sum(rows[0]) < 2:
        return None
    from statsmodels.stats.inter_rater import fleiss_kappa

    return _finite(fleiss_kappa(rows))


def krippendorff_alpha(data: Sequence[Sequence[Any]]) -> float | None:
    """Nominal Krippendorff's alpha; rows are raters, columns units, ``None`` = missing."""
    import numpy as np

    try:
        import krippendorff

        matrix = np.array([[np.nan if v is None else v for v in row] for row in data], float)
        return _finite(krippendorff.alpha(reliability_data=matrix,
                                          level_of_measurement="nominal"))
    except (ValueError, ZeroDivisionError):
        return None


def _finite(value: Any) -> float | None:
    number = float(value)
    return number if number == number and abs(number) != float("inf") else None
