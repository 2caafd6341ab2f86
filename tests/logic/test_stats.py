"""Class figures, checked against published worked examples and hand-computed values."""

from __future__ import annotations

import pytest

from kit.logic.agreement import agreement
from kit.logic.groups import balanced_groups, random_groups
from kit.logic.questions import Ask, Choice, Question
from kit.logic.stats import (
    accuracy,
    confusion,
    distribution,
    fleiss,
    krippendorff_alpha,
    most_missed,
)

# Fleiss (1971) as worked on Wikipedia's "Fleiss' kappa" page: 10 subjects, 14 raters, κ = 0.210.
FLEISS_TABLE = [[0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0],
                [2, 2, 8, 1, 1], [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2],
                [6, 5, 2, 1, 0], [0, 2, 2, 3, 7]]
# Krippendorff (2011), "Computing Krippendorff's alpha-reliability", nominal example: α = 0.743.
K_DATA = [[1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
          [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
          [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
          [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None]]


def test_fleiss_kappa_matches_the_worked_example() -> None:
    assert fleiss(FLEISS_TABLE) == pytest.approx(0.210, abs=0.0005)


def test_krippendorff_alpha_matches_the_published_example() -> None:
    assert krippendorff_alpha(K_DATA) == pytest.approx(0.743, abs=0.0005)


def test_agreement_needs_enough_data() -> None:
    assert fleiss([[3, 0]]) is None
    assert fleiss([[2, 1], [1, 1]]) is None  # unequal raters per subject


SINGLE = Ask("d", "D", "single", (Choice("A", "甲"), Choice("B", "乙")), ("A",))
MULTI = Ask("m", "M", "multi", (Choice("A", "甲"), Choice("B", "乙"), Choice("C", "丙")),
            ("A", "B"))


def test_distribution_accuracy_and_confusion_by_hand() -> None:
    answers = [{"d": ["A"], "m": ["A", "B"]}, {"d": ["B"], "m": ["A"]},
               {"d": ["A"], "m": ["A", "C"]}]
    assert distribution(answers, SINGLE) == {"A": 2, "B": 1}
    assert accuracy(answers, SINGLE) == pytest.approx(2 / 3)
    assert accuracy(answers, MULTI) == pytest.approx((1 + 0.5 + 1 / 3) / 3)
    assert confusion((SINGLE, a) for a in answers) == {("A", "A"): 2, ("A", "B"): 1}
    assert confusion((MULTI, a) for a in answers) == {
        ("A", "A"): 3, ("B", "B"): 1, ("B", "—"): 2, ("—", "C"): 1}


def test_agreement_per_dimension_on_a_tiny_class() -> None:
    qs = [Question(f"q{i}", "", "", (), (SINGLE,)) for i in range(3)]
    same = {p: {q.id: {"d": ["A" if i != 2 else "B"]} for i, q in enumerate(qs)} for p in range(4)}
    result = agreement(qs, "d", same)
    assert result.method == "Fleiss κ" and result.value == pytest.approx(1.0)
    del same[3]["q1"]  # one missing answer: alpha handles it
    assert agreement(qs, "d", same).method == "Krippendorff α"


def test_most_missed_orders_worst_first() -> None:
    qs = [Question("easy", "", "", (), (SINGLE,)), Question("hard", "", "", (), (SINGLE,))]
    answers = {"easy": [{"d": ["A"]}], "hard": [{"d": ["B"]}, {"d": ["A"]}]}
    assert most_missed(qs, answers) == [("hard", 0.5), ("easy", 1.0)]


def test_groups_are_balanced_and_reproducible() -> None:
    people = list(range(10))
    assert random_groups(people, 4, seed=1) == random_groups(people, 4, seed=1)
    sizes = sorted(list(random_groups(people, 4, seed=2).values()).count(g) for g in (1, 2))
    assert sizes == [5, 5]
    snake = balanced_groups({p: float(p) for p in range(6)}, 3)
    assert snake == {5: 1, 4: 2, 3: 2, 2: 1, 1: 1, 0: 2}
