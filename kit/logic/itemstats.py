"""Classical item analysis: difficulty, discrimination and distractors. Pure.

- **Difficulty** *p*: the share of respondents fully correct.
- **Discrimination** *D* (Kelley's upper–lower index): rank respondents by their total score on
  the activity; the upper and lower groups are the top and bottom 27 % (``round(0.27·N)``
  people, at least one; ties broken by respondent id, so the result is reproducible);
  *D* = *p*(upper) − *p*(lower). Ebel's rule of thumb: 0.40 and above very good, 0.30–0.39
  good, 0.20–0.29 marginal, below 0.20 poor; negative means the strong get it wrong more often.
- **Point-biserial** *r*: correlation of being correct (0/1) with the *rest* score (the total
  without this item, so the item does not correlate with itself), from ``scipy.stats``.
- **Distractors**: for each label, the share of everyone, of the upper and of the lower group
  who chose it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

GROUP = 0.27


@dataclass(frozen=True)
class Response:
    person: str
    total: float
    """The respondent's score on the whole activity, 0–1."""
    rest: float
    """The same without this item."""
    correct: bool
    chosen: frozenset[str]


@dataclass(frozen=True)
class OptionUse:
    code: str
    key: bool
    share: float
    upper: float
    lower: float


@dataclass(frozen=True)
class ItemStats:
    n: int
    difficulty: float | None
    discrimination: float | None
    point_biserial: float | None
    options: tuple[OptionUse, ...]


def groups(responses: Sequence[Response]) -> tuple[list[Response], list[Response]]:
    """(lower, upper): the bottom and top 27 % by total score."""
    ranked = sorted(responses, key=lambda r: (r.total, r.person))
    size = max(1, round(len(ranked) * GROUP))
    return ranked[:size], ranked[-size:]


def _p(responses: Sequence[Response]) -> float | None:
    return sum(r.correct for r in responses) / len(responses) if responses else None


def discrimination(responses: Sequence[Response]) -> float | None:
    """Upper minus lower share correct; ``None`` with fewer than two respondents."""
    if len(responses) < 2:
        return None
    lower, upper = groups(responses)
    return (_p(upper) or 0.0) - (_p(lower) or 0.0)


def point_biserial(responses: Sequence[Response]) -> float | None:
    """``None`` when either variable does not vary (the correlation is undefined)."""
    xs = [float(r.correct) for r in responses]
    ys = [r.rest for r in responses]
    if len(set(xs)) < 2 or len(set(ys)) < 2:
        return None
    from scipy.stats import pointbiserialr

    value = float(pointbiserialr(xs, ys).statistic)
    return value if value == value else None


def options(responses: Sequence[Response], codes: Sequence[str],
            key: Sequence[str]) -> tuple[OptionUse, ...]:
    lower, upper = groups(responses) if responses else ([], [])

    def share(rs: Sequence[Response], code: str) -> float:
        return sum(code in r.chosen for r in rs) / len(rs) if rs else 0.0

    return tuple(OptionUse(c, c in key, share(responses, c), share(upper, c), share(lower, c))
                 for c in codes)


def analyse(responses: Sequence[Response], codes: Sequence[str],
            key: Sequence[str]) -> ItemStats:
    return ItemStats(len(responses), _p(responses), discrimination(responses),
                     point_biserial(responses), options(responses, codes, key))
