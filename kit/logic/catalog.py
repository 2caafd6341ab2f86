"""Every piece of content a designer previews, as one flat list that filters can narrow. Pure.

Kinds: the three kinds of case (complaint, copy, scene), quiz items, polls, rubrics and
role-play scenarios. A case belongs to the modules it lists; an item to its module; a rubric
to the modules whose peer reviews use it; a scenario to the modules whose role-plays play it.
Only cases have a difficulty: choosing one shows cases alone.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from kit.content import Course
from kit.i18n import N_

KINDS = {"complaint": N_("投诉案例"), "copy": N_("营销文案"), "scene": N_("情景任务"),
         "quiz": N_("测验题"), "poll": N_("投票题"), "rubric": N_("量规"),
         "scenario": N_("情景演练")}
DIFFICULTY = {1: N_("入门"), 2: N_("进阶"), 3: N_("挑战")}


@dataclass(frozen=True)
class Entry:
    kind: str
    id: str
    title: str
    modules: tuple[int, ...]
    difficulty: int | None = None
    draft: bool = False


def _modules_using(course: Course, kind: str, field: str) -> dict[str, tuple[int, ...]]:
    """id → the modules whose activities of ``kind`` name it in ``field``."""
    found: dict[str, list[int]] = {}
    for module in course.modules:
        for act in module.activities:
            if act.kind == kind:
                found.setdefault(getattr(act, field), []).append(module.number)
    return {rid: tuple(sorted(set(ms))) for rid, ms in found.items()}


def entries(course: Course) -> tuple[Entry, ...]:
    cases = [Entry(c.kind, c.id, c.title, c.modules, c.difficulty)
             for c in course.cases.values()]
    items = [Entry(kind, i.id, i.topic or i.question, (i.module,) if i.module else (), None,
                   i.draft) for kind, pool in (("quiz", course.quizzes), ("poll", course.polls))
             for i in pool.values()]
    rubric_modules = _modules_using(course, "peer_review", "rubric")
    rubrics = [Entry("rubric", r.id, r.name, rubric_modules.get(r.id, ()))
               for r in course.rubrics.values()]
    played = _modules_using(course, "roleplay", "scenario")
    scenarios = [Entry("scenario", s.id, s.title, played.get(s.id, ()))
                 for s in course.scenarios.values()]
    return (*cases, *items, *rubrics, *scenarios)


def select(found: Iterable[Entry], module: int | None = None, kind: str | None = None,
           difficulty: int | None = None) -> tuple[Entry, ...]:
    """The entries that pass every filter given (None: any)."""
    return tuple(e for e in found
                 if (module is None or module in e.modules)
                 and (kind is None or e.kind == kind)
                 and (difficulty is None or e.difficulty == difficulty))
