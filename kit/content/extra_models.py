"""Rule sets (drafting hints, copy checks), rubric exemplars and the course outline."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import Field, model_validator

from kit.content.models import Frozen, Id, Line, ModuleNo, Text
from kit.i18n import _


class Rule(Frozen):
    id: Id
    kind: Literal["avoid", "require"]
    """avoid: a pattern found is a problem; require: none of the patterns found is one."""
    title: Line
    message: Text
    patterns: tuple[Line, ...] = Field(min_length=1)
    regex: bool = False
    sections: tuple[Id, ...] = ()
    """Only these named texts are checked (all when empty); ``require`` looks across them."""
    source: Line | None = None
    severity: Literal["warn", "info"] = "warn"

    @model_validator(mode="after")
    def _compiles(self) -> Rule:
        for pattern in self.patterns if self.regex else ():
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(_("正则表达式无效:{pattern}({error})").format(
                pattern=pattern, error=exc)) from exc
        return self

    def compiled(self) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(p if self.regex else re.escape(p)) for p in self.patterns)


class RuleSet(Frozen):
    id: Id
    name: Line
    applies_to: tuple[Id, ...] = ()
    """Templates whose drafts this set checks."""
    rules: tuple[Rule, ...] = Field(min_length=1)


class RuleFile(Frozen):
    schema_version: Literal[1]
    rulesets: tuple[RuleSet, ...] = Field(min_length=1)


class Exemplar(Frozen):
    """An instructor-scored draft, for reviewer calibration."""

    id: Id
    rubric: Id
    template: Id
    case: Id
    sections: dict[Id, Text] = Field(min_length=1)
    scores: dict[Id, int] = Field(min_length=1)
    comment: Text


class ExemplarFile(Frozen):
    schema_version: Literal[1]
    exemplars: tuple[Exemplar, ...] = Field(min_length=1)


class OutlineEntry(Frozen):
    id: Line
    """Outline number such as ``3.7`` or ``6.4.2``; module notebooks use it in a heading."""
    title: Line
    exercise: Line | None = None
    activities: tuple[Id, ...] = ()


class OutlineModule(Frozen):
    number: ModuleNo
    title: Line
    items: tuple[OutlineEntry, ...] = Field(min_length=1)


class OutlineFile(Frozen):
    schema_version: Literal[1]
    modules: tuple[OutlineModule, ...] = Field(min_length=7, max_length=7)
