"""Grading per dimension with partial credit; a perfect answer scores 1, an empty one 0."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kit.logic.classify import grade, problem, score, total
from kit.logic.questions import Ask, Choice, Question

CODES = ("A", "B", "C", "D", "E")


def ask(cardinality: str, key: tuple[str, ...] | None, exclusive: tuple[str, ...] = ()) -> Ask:
    return Ask("d", "维度", cardinality, tuple(Choice(c, c) for c in CODES), key, "", exclusive)


def test_single_choice_is_all_or_nothing() -> None:
    assert score(["A"], ["A"], "single") == 1.0
    assert score(["B"], ["A"], "single") == 0.0
    assert score([], ["A"], "single") == 0.0


@pytest.mark.parametrize(("chosen", "key", "expected"), [
    (["A", "B"], ["A", "B"], 1.0),
    (["A"], ["A", "B"], 0.5),          # one missed
    (["A", "B", "C"], ["A", "B"], 2 / 3),  # one extra
    (["A", "C"], ["A", "B"], 1 / 3),   # one missed, one extra
    (["C"], ["A", "B"], 0.0),
])
def test_multi_choice_is_jaccard(chosen: list[str], key: list[str], expected: float) -> None:
    assert score(chosen, key, "multi") == pytest.approx(expected)


def test_grade_skips_ungraded_dimensions_and_totals() -> None:
    q = Question("q", "t", "b", (), (Ask("x", "X", "single", (Choice("A", "A"),), ("A",)),
                                     Ask("p", "P", "single", (Choice("A", "A"),), None)))
    results = grade(q, {"x": ["A"], "p": ["A"]})
    assert set(results) == {"x"} and total(results) == 1.0
    assert results["x"].correct and not results["x"].missed


def test_choice_rules_give_chinese_messages() -> None:
    assert "只能选一项" in (problem(ask("single", ("A",)), ["A", "B"]) or "")
    assert "不能与其他选项" in (problem(ask("multi", ("A",), ("E",)), ["A", "E"]) or "")
    assert problem(ask("multi", ("A",)), ["A", "B"]) is None


keys = st.sets(st.sampled_from(CODES), min_size=1).map(lambda s: tuple(sorted(s)))


@given(key=keys, cardinality=st.sampled_from(["single", "multi"]))
def test_perfect_answer_scores_one_and_empty_scores_zero(key: tuple[str, ...],
                                                         cardinality: str) -> None:
    if cardinality == "single":
        key = key[:1]
    a = ask(cardinality, key)
    q = Question("q", "t", "b", (), (a,))
    assert total(grade(q, {"d": list(key)})) == 1.0
    assert total(grade(q, {})) == 0.0
    assert total(grade(q, {"d": []})) == 0.0


@given(key=keys, chosen=st.sets(st.sampled_from(CODES)))
def test_partial_credit_is_between_zero_and_one(key: tuple[str, ...], chosen: set[str]) -> None:
    value = score(chosen, key, "multi")
    assert 0.0 <= value <= 1.0
    assert (value == 1.0) == (set(chosen) == set(key))
