"""The marketing-copy rules (``data/ad_rules.yaml``): what the copy checker looks for.

Every pattern is a Python regular expression. The engine (:mod:`kit.logic.copycheck`) knows no
phrase of its own: cues, qualifiers and rules all live here, so designers tune the checker
without touching code.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import Field, field_validator

from kit.content.models import Code, Frozen, Id, Line, Text
from kit.i18n import _

Pattern = Line
Medium = Literal["written", "script"]
Scope = Literal["investment", "insurance", "credit", "deposit", "disguised", "sms-marketing"]


def _compile_all(patterns: tuple[str, ...]) -> tuple[str, ...]:
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ValueError(_("正则表达式无效:{pattern}({error})").format(
                pattern=pattern, error=exc)) from exc
    return patterns


class Cues(Frozen):
    """Words that tell the engine what kind of copy it is reading."""

    investment: tuple[Pattern, ...] = Field(min_length=1)
    insurance: tuple[Pattern, ...] = Field(min_length=1)
    credit: tuple[Pattern, ...] = Field(min_length=1)
    deposit: tuple[Pattern, ...] = Field(min_length=1)
    sms: tuple[Pattern, ...] = Field(min_length=1)
    """An SMS signature such as 【XX银行】."""
    script: tuple[Pattern, ...] = Field(min_length=1)
    """How a spoken sales script opens (阿姨，… / 您好，我是…)."""
    promotion: tuple[Pattern, ...] = Field(min_length=1)
    service: tuple[Pattern, ...] = Field(min_length=1)
    """A service notice (reminder, confirmation) that promotes nothing."""

    compiles = field_validator("*")(_compile_all)


class Qualifiers(Frozen):
    """What turns a forbidden phrase into an allowed one: 不保证收益, 非保本, 警惕……陷阱."""

    negators: tuple[Pattern, ...] = Field(min_length=1)
    """Just before a match, in the same clause, within ``window`` characters."""
    window: int = Field(default=6, ge=1, le=30)
    warning: tuple[Pattern, ...] = Field(min_length=1)
    """A sentence holding one of these warns against such claims; its matches do not count."""

    compiles = field_validator("negators", "warning")(_compile_all)


class AdRule(Frozen):
    id: Id
    code: Code
    """The ad_rule label (M1–M12) of ``data/taxonomy.yaml``."""
    kind: Literal["avoid", "require"] = "avoid"
    """avoid: a pattern found is a finding; require: copy in scope lacking every pattern is one."""
    title: Line
    message: Text
    rewrite: Text
    """A suggested rewrite, shown with the finding."""
    source: Line
    patterns: tuple[Pattern, ...] = Field(min_length=1)
    unless: tuple[Pattern, ...] = ()
    """Any of these anywhere in the copy silences the rule (e.g. 年化利率 for fee wording)."""
    scope: tuple[Scope, ...] = ()
    """Kinds of copy the rule reads (any of them); empty: every kind."""
    media: tuple[Medium, ...] = ()
    """written (posters, SMS, posts) or script (spoken); empty: both."""
    negatable: bool = True
    """Whether negators and warning sentences cancel a match."""
    yields_to: tuple[Code, ...] = ()
    """A match in a sentence that holds a finding of one of these codes is dropped: in
    “资金安全有保障，稳稳增值” the M1 claim already covers the M2 wording."""
    marks: tuple[Scope, ...] = ()
    """A finding of this rule adds these kinds to the copy (M5: a product disguised as a deposit
    is not a deposit, so it needs a risk warning). Marking rules run first."""

    compiles = field_validator("patterns", "unless")(_compile_all)


class AdRuleFile(Frozen):
    schema_version: Literal[1]
    cues: Cues
    qualifiers: Qualifiers
    rules: tuple[AdRule, ...] = Field(min_length=1)

    def rule(self, rule_id: str) -> AdRule:
        return next(r for r in self.rules if r.id == rule_id)


__all__ = ["AdRule", "AdRuleFile", "Cues", "Qualifiers", "Text"]
