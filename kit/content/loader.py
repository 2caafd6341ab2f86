"""Load ``data/`` into a validated :class:`Course`, collecting every problem."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from kit.content.ad_models import AdRuleFile
from kit.content.extra_models import ExemplarFile, OutlineFile, RuleFile
from kit.content.models import CaseFile, ItemFile, Taxonomy, TemplateFile
from kit.content.problems import Problem, from_validation
from kit.content.rubric_models import ModuleFile, RubricFile
from kit.content.scenario_models import Scenario
from kit.content.yamlsafe import ContentError, Locator, read_yaml
from kit.i18n import _

M = TypeVar("M", bound=BaseModel)

#: name → (glob, model, required)
FILES: dict[str, tuple[str, type[BaseModel], bool]] = {
    "taxonomy": ("taxonomy.yaml", Taxonomy, True),
    "cases": ("cases/*.yaml", CaseFile, True),
    "quizzes": ("quizzes/*.yaml", ItemFile, False),
    "polls": ("polls.yaml", ItemFile, False),
    "templates": ("templates.yaml", TemplateFile, True),
    "rubrics": ("rubrics.yaml", RubricFile, True),
    "modules": ("modules.yaml", ModuleFile, True),
    "rules": ("rules.yaml", RuleFile, False),
    "exemplars": ("exemplars.yaml", ExemplarFile, False),
    "outline": ("outline.yaml", OutlineFile, False),
    "ad_rules": ("ad_rules.yaml", AdRuleFile, False),
    "scenarios": ("scenarios/*.yaml", Scenario, False),
}


@dataclass
class Parsed:
    """Files that parsed, with their locators, and the problems found so far."""

    root: Path
    models: dict[str, list[tuple[str, BaseModel, Locator]]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    failed: set[str] = field(default_factory=set)
    """Kinds of file with a file that did not load: references into them are not checked."""

    def of(self, name: str, model: type[M]) -> list[tuple[str, M, Locator]]:
        return [(f, m, loc) for f, m, loc in self.models.get(name, []) if isinstance(m, model)]


def parse_file(root: Path, path: Path, model: type[BaseModel]
               ) -> tuple[BaseModel | None, list[Problem], Locator]:
    rel = path.relative_to(root).as_posix()
    try:
        data, loc = read_yaml(path)
    except ContentError as exc:
        return None, [Problem(rel, exc.line, _("(文件)"), exc.message)], Locator(None)
    try:
        return model.model_validate(data), [], loc
    except ValidationError as exc:
        return None, from_validation(rel, exc, loc.line), loc


def parse_all(root: Path) -> Parsed:
    parsed = Parsed(root)
    for name, (pattern, model, required) in FILES.items():
        paths = sorted(root.glob(pattern))
        if not paths and required:
            parsed.problems.append(Problem(pattern, 1, _("(文件)"), _("缺少必需的内容文件")))
        for path in paths:
            result, problems, loc = parse_file(root, path, model)
            parsed.problems.extend(problems)
            if result is None:
                parsed.failed.add(name)
            else:
                rel = path.relative_to(root).as_posix()
                parsed.models.setdefault(name, []).append((rel, result, loc))
    return parsed
