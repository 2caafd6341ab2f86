"""The validated course: one frozen object that every view and report reads."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from kit.content.ad_models import AdRuleFile
from kit.content.extra_models import (
    Exemplar,
    ExemplarFile,
    OutlineFile,
    OutlineModule,
    RuleFile,
    RuleSet,
)
from kit.content.models import Case, Dimension, Item, Taxonomy, Template, TemplateFile
from kit.content.problems import Problem
from kit.content.rubric_models import Activity, Module, ModuleFile, Rubric, RubricFile
from kit.content.scenario_models import Scenario


class CourseInvalid(Exception):
    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(map(str, problems)))
        self.problems = problems


@dataclass(frozen=True)
class Course:
    taxonomy: Taxonomy
    cases: Mapping[str, Case]
    quizzes: Mapping[str, Item]
    polls: Mapping[str, Item]
    templates: Mapping[str, Template]
    rubrics: Mapping[str, Rubric]
    modules: tuple[Module, ...]
    rulesets: Mapping[str, RuleSet]
    exemplars: Mapping[str, Exemplar]
    outline: tuple[OutlineModule, ...]
    scenarios: Mapping[str, Scenario]
    ad_rules: AdRuleFile | None = None
    """The copy checker's rules (``data/ad_rules.yaml``), if the course has them."""

    def dimension(self, dim_id: str) -> Dimension:
        return next(d for d in self.taxonomy.dimensions if d.id == dim_id)

    def activity(self, activity_id: str) -> Activity:
        return next(a for m in self.modules for a in m.activities if a.id == activity_id)

    def rules_for(self, template_id: str) -> tuple[RuleSet, ...]:
        return tuple(r for r in self.rulesets.values() if template_id in r.applies_to)

    def module(self, number: int) -> Module:
        return next(m for m in self.modules if m.number == number)

    def counts(self) -> dict[str, int]:
        return {"维度": len(self.taxonomy.dimensions), "案例": len(self.cases),
                "测验题": len(self.quizzes), "投票题": len(self.polls),
                "模板": len(self.templates), "量规": len(self.rubrics),
                "模块": len(self.modules), "规则集": len(self.rulesets),
                "范例": len(self.exemplars), "情景": len(self.scenarios),
                "活动": sum(len(m.activities) for m in self.modules)}


def _freeze(pairs: list[tuple[str, object]]) -> Mapping[str, object]:
    """Read-only by type; a plain dict underneath so that the course can be cached."""
    return dict(pairs)


def check(root: Path) -> tuple[Course | None, list[Problem]]:
    """Validate ``root``; return the course (if valid) and every problem found.

    The parser and checks load here, not at import: a trainee's kernel reads the cached course
    and never needs them (nor PyYAML)."""
    from kit.content.checks import Report, all_cases, all_items
    from kit.content.checks_refs import cross_check
    from kit.content.loader import parse_all

    parsed = parse_all(root)
    problems = sorted(parsed.problems + cross_check(Report(parsed)))
    if problems:
        return None, problems
    course = Course(
        taxonomy=parsed.of("taxonomy", Taxonomy)[0][1],
        cases=_freeze([(c.id, c) for c, _, _ in all_cases(parsed)]),  # type: ignore[arg-type]
        quizzes=_freeze([(i.id, i) for i, _, _ in all_items(parsed, "quizzes")]),  # type: ignore[arg-type]
        polls=_freeze([(i.id, i) for i, _, _ in all_items(parsed, "polls")]),  # type: ignore[arg-type]
        templates=_freeze([(t.id, t) for _, f, _ in parsed.of("templates", TemplateFile)
                           for t in f.templates]),  # type: ignore[arg-type]
        rubrics=_freeze([(r.id, r) for _, f, _ in parsed.of("rubrics", RubricFile)
                         for r in f.rubrics]),  # type: ignore[arg-type]
        modules=tuple(m for _, f, _ in parsed.of("modules", ModuleFile) for m in f.modules),
        rulesets=_freeze([(r.id, r) for _, f, _ in parsed.of("rules", RuleFile)
                          for r in f.rulesets]),  # type: ignore[arg-type]
        exemplars=_freeze([(e.id, e) for _, f, _ in parsed.of("exemplars", ExemplarFile)
                           for e in f.exemplars]),  # type: ignore[arg-type]
        outline=tuple(m for _, f, _ in parsed.of("outline", OutlineFile) for m in f.modules),
        scenarios=_freeze([(s.id, s) for _, s, _ in
                           parsed.of("scenarios", Scenario)]),  # type: ignore[arg-type]
        ad_rules=next((f for _, f, _ in parsed.of("ad_rules", AdRuleFile)), None),
    )
    return course, []


def load_course(root: Path) -> Course:
    course, problems = check(root)
    if course is None:
        raise CourseInvalid(problems)
    return course
