"""Unused content and short time limits: the gallery's two lists, as pure functions."""

from __future__ import annotations

import dataclasses

import pytest

from kit.content import Course, load_course
from kit.content.rubric_models import QuizActivity
from kit.logic.coverage import unused, uses
from kit.logic.time_budget import DECISION_SECONDS, READ_CHARS_PER_MINUTE, need, short_activities
from kit.settings import REPO_ROOT


@pytest.fixture(scope="module")
def course() -> Course:
    return load_course(REPO_ROOT / "data")


def _with_activity(course: Course, act: QuizActivity) -> Course:
    first = course.modules[0]
    module = first.model_copy(update={"activities": (*first.activities, act)})
    return dataclasses.replace(course, modules=(module, *course.modules[1:]))


def test_the_rule_counts_reading_and_decisions(course: Course) -> None:
    item = next(iter(course.quizzes.values()))
    act = QuizActivity(id="t-quiz", kind="quiz", title="测", items=(item.id,) * 3,
                       time_limit_min=1)
    found = need(course, 1, act)
    assert found is not None
    chars = 3 * (len(item.question) + sum(len(o.text) for o in item.options))
    expected = chars / READ_CHARS_PER_MINUTE + 3 * DECISION_SECONDS / 60
    assert found.chars == chars and found.decisions == 3
    assert found.needed_min == pytest.approx(expected)
    assert found.short == (expected > 1)


def test_a_tight_activity_is_listed_and_a_generous_one_is_not(course: Course) -> None:
    items = tuple(list(course.quizzes)[:20])
    tight = QuizActivity(id="t-tight", kind="quiz", title="二十题五分钟", items=items,
                         time_limit_min=5)
    loose = QuizActivity(id="t-loose", kind="quiz", title="二十题一小时", items=items,
                         time_limit_min=60)
    listed = {n.activity_id for n in short_activities(_with_activity(
        _with_activity(course, tight), loose))}
    assert "t-tight" in listed and "t-loose" not in listed


def test_unused_lists_what_no_activity_names(course: Course) -> None:
    used = uses(course)
    found = unused(course)
    assert all(u.id not in used[u.kind] for u in found)
    first_activity_item = next(a for m in course.modules for a in m.activities
                               if a.kind == "quiz").items[0]  # type: ignore[union-attr]
    assert first_activity_item in used["quiz"]
    assert not any(u.kind == "quiz" and u.id == first_activity_item for u in found)
    extra = next(iter(course.quizzes.values())).model_copy(update={"id": "t-unused"})
    more = dataclasses.replace(course, quizzes={**course.quizzes, "t-unused": extra})
    assert any(u.kind == "quiz" and u.id == "t-unused" for u in unused(more))
