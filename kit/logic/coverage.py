"""Content that no activity uses: cases, quiz items, polls, rubrics, templates, scenarios.

An entry is *used* when some module activity names it: a case by a classify or draft
activity, a quiz item by a quiz, a poll by a poll, a rubric by a peer review, a template by a
draft, a scenario by a role-play. Everything else is listed (the self-paced drill still offers
unused complaint cases; a scenario no activity plays may still be a notebook's after-class
practice, ``app.roleplay``; drafts are never used, by rule).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from kit.content import Activity, Course
from kit.content.rubric_models import (
    ClassifyActivity,
    DraftActivity,
    PeerReviewActivity,
    PollActivity,
    QuizActivity,
    RoleplayActivity,
)
from kit.i18n import N_

KINDS = {"case": N_("案例"), "quiz": N_("测验题"), "poll": N_("投票题"), "rubric": N_("量规"),
         "template": N_("模板"), "scenario": N_("情景")}


@dataclass(frozen=True)
class Unused:
    kind: str
    id: str
    title: str


def uses(course: Course) -> dict[str, dict[str, list[str]]]:
    """kind → entry id → ids of the activities that use it."""
    found: dict[str, dict[str, list[str]]] = {k: {} for k in KINDS}
    for module in course.modules:
        for act in module.activities:
            for kind, ids in _refs(act):
                for ident in ids:
                    found[kind].setdefault(ident, []).append(act.id)
    return found


def _refs(act: Activity) -> Iterator[tuple[str, tuple[str, ...]]]:
    if isinstance(act, ClassifyActivity):
        yield "case", act.cases
    elif isinstance(act, QuizActivity):
        yield "quiz", act.items
    elif isinstance(act, PollActivity):
        yield "poll", act.items
    elif isinstance(act, DraftActivity):
        yield "case", act.cases
        yield "template", (act.template,)
    elif isinstance(act, PeerReviewActivity):
        yield "rubric", (act.rubric,)
    elif isinstance(act, RoleplayActivity):
        yield "scenario", (act.scenario,)


def unused(course: Course) -> tuple[Unused, ...]:
    used = uses(course)
    pools = {"case": {c.id: c.title for c in course.cases.values()},
             "quiz": {i.id: i.topic or i.question for i in course.quizzes.values()},
             "poll": {i.id: i.topic or i.question for i in course.polls.values()},
             "rubric": {r.id: r.name for r in course.rubrics.values()},
             "template": {t.id: t.name for t in course.templates.values()},
             "scenario": {s.id: s.title for s in course.scenarios.values()}}
    return tuple(Unused(kind, ident, title) for kind, pool in pools.items()
                 for ident, title in pool.items() if ident not in used[kind])
