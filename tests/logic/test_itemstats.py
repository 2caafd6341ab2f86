"""Item statistics against a worked example, computed by hand in the docstrings."""

from __future__ import annotations

import pytest

from kit.logic.itemreview import item_flags
from kit.logic.itemstats import Response, analyse, discrimination, groups, point_biserial

# respondent, total, rest score, correct, chosen
TABLE = [("a", 0.9, 8, True, "A"), ("b", 0.8, 7, True, "A"), ("c", 0.8, 7, False, "B"),
         ("d", 0.7, 6, True, "A"), ("e", 0.6, 5, True, "A"), ("f", 0.5, 4, False, "C"),
         ("g", 0.4, 3, True, "A"), ("h", 0.3, 3, False, "B"), ("i", 0.2, 2, False, "B"),
         ("j", 0.1, 1, False, "D")]


def worked() -> list[Response]:
    return [Response(p, t, float(r), ok, frozenset(c)) for p, t, r, ok, c in TABLE]


def test_difficulty_and_upper_lower_discrimination() -> None:
    """N = 10, so each group has round(0.27 × 10) = 3 people.

    Lower (lowest totals): j 0.1, i 0.2, h 0.3 — none correct: p_lower = 0/3.
    Upper: a 0.9 and the tie at 0.8 (b, c; broken by id, so both): a ✓, b ✓, c ✗ — p_upper = 2/3.
    D = 2/3 − 0 = 0.667. Difficulty p = 5 correct / 10 = 0.50.
    """
    lower, upper = groups(worked())
    assert {r.person for r in lower} == {"j", "i", "h"}
    assert {r.person for r in upper} == {"a", "b", "c"}
    stats = analyse(worked(), ["A", "B", "C", "D"], ["A"])
    assert stats.difficulty == pytest.approx(0.5)
    assert stats.discrimination == pytest.approx(2 / 3)


def test_point_biserial_by_the_textbook_formula() -> None:
    """r_pb = (M1 − M0) / s · √(p·q), s the population SD of the rest scores.

    Correct (a b d e g): rest 8 7 6 5 3, M1 = 29/5 = 5.8. Wrong (c f h i j): 7 4 3 2 1, M0 = 3.4.
    All ten: mean 4.6, Σ(x − 4.6)² = 50.4, s = √5.04 = 2.2450. p = q = 0.5.
    r_pb = 2.4 / 2.2450 × 0.5 = 0.5345.
    """
    assert point_biserial(worked()) == pytest.approx(0.5345, abs=1e-4)


def test_distractor_shares_by_group() -> None:
    """B: chosen by c, h, i — 3/10 overall; in the upper group c (1/3); in the lower h, i (2/3)."""
    stats = analyse(worked(), ["A", "B", "C", "D"], ["A"])
    b = next(o for o in stats.options if o.code == "B")
    assert (b.share, b.upper, b.lower) == pytest.approx((0.3, 1 / 3, 2 / 3))
    a = next(o for o in stats.options if o.code == "A")
    assert a.key and a.upper == pytest.approx(2 / 3) and a.lower == 0.0


def test_undefined_statistics_are_none() -> None:
    everyone = [Response(str(i), i / 10, i / 10, True, frozenset("A")) for i in range(10)]
    assert point_biserial(everyone) is None  # correctness does not vary
    assert discrimination(everyone[:1]) is None
    assert discrimination(everyone) == 0.0


def test_flags_a_key_the_strong_reject() -> None:
    """The same table with the key moved to B: the upper group chose A (2/3) over B (1/3)."""
    names = {"A": "甲", "B": "乙", "C": "丙", "D": "丁"}
    flipped = [Response(r.person, r.total, r.rest, "B" in r.chosen, r.chosen) for r in worked()]
    flags = item_flags(analyse(flipped, list(names), ["B"]), names)
    assert [f.kind for f in flags] == ["wrong_key"]
    assert "「甲」" in flags[0].reason and "67%" in flags[0].reason
    assert item_flags(analyse(worked(), list(names), ["A"]), names) == []


def test_flags_an_item_everyone_gets_right() -> None:
    rs = [Response(str(i), i / 20, i / 20, True, frozenset("A")) for i in range(20)]
    assert [f.kind for f in item_flags(analyse(rs, ["A", "B"], ["A"]), {})] == ["everyone_right"]
