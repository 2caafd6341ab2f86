"""Item analysis finds a planted wrong key in a simulated history, and nothing else."""

from __future__ import annotations

import dataclasses
import random

import pytest

from kit.content import Course, load_course
from kit.logic.questions import for_activity
from kit.logic.simulate import answer, personas
from kit.reports.analysis import Sheet, item_analysis, to_review
from kit.settings import REPO_ROOT

PLANTED = "q1-001"  # the key is C; the planted content says A


@pytest.fixture(scope="module")
def course() -> Course:
    return load_course(REPO_ROOT / "data")


def planted(course: Course) -> Course:
    item = course.quizzes[PLANTED]
    wrong = item.model_copy(update={"answer": ("A",)})
    return dataclasses.replace(course, quizzes={**course.quizzes, PLANTED: wrong})


def history(course: Course, sessions: int = 3, size: int = 40) -> list[Sheet]:
    """Three sessions of 40 simulated trainees answering a quiz under the *true* key."""
    out, rnd = [], random.Random(11)
    qs = for_activity(course, "m1-quiz-complaints")
    for s in range(sessions):
        for i, p in enumerate(personas(size, seed=100 + s)):
            out.append(Sheet(s * 1000 + i, "m1-quiz-complaints",
                             {q.id: answer(q, p, rnd) for q in qs}))
    return out


def test_the_planted_wrong_key_is_first_to_review_and_alone(course: Course) -> None:
    result = item_analysis(planted(course), history(course), 3)
    wrong = [i for i in result.items if any(f.kind == "wrong_key" for f in i.flags)]
    assert [i.question.id for i in wrong] == [PLANTED]
    item = wrong[0]
    assert item.stats.n == 120 and (item.stats.discrimination or 0) < 0
    what, why = to_review(result)[0]
    assert PLANTED in what and "答案可能标错" in why and "「C." in why


def test_with_the_true_key_nothing_is_flagged_as_wrong(course: Course) -> None:
    result = item_analysis(course, history(course), 3)
    assert not [i for i in result.items if any(f.kind == "wrong_key" for f in i.flags)]
    assert all((i.stats.discrimination or 0) > 0 for i in result.items)
