"""Each trainee's score so far over the graded classification and quiz activities."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from kit.content import Course
from kit.logic.classify import grade, total
from kit.logic.questions import Question, for_activity


def participant_scores(course: Course, subs: Iterable[Any]) -> dict[int, float]:
    """participant id → mean total score over the questions they answered (0 if none)."""
    questions: dict[tuple[str, str], Question] = {}
    sums: dict[int, list[float]] = {}
    for s in subs:
        act = course.activity(s.activity_id)
        if act.kind not in ("classify", "quiz"):
            continue
        if (s.activity_id, s.item_id) not in questions:
            questions.update({(act.id, q.id): q for q in for_activity(course, act.id)})
        q = questions.get((s.activity_id, s.item_id))
        if q is not None:
            sums.setdefault(s.participant_id, []).append(total(grade(q, s.payload["answer"])))
    return {p: sum(v) / len(v) for p, v in sums.items()}
