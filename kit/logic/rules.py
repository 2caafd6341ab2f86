"""The rule engine: content-driven hints over named texts.

It knows nothing of handling plans: it checks any mapping of name → text (the sections of a
draft, or ``{"text": ...}`` for a piece of marketing copy) against a rule set from ``data/``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from kit.content.extra_models import Rule, RuleSet


@dataclass(frozen=True)
class Finding:
    rule_id: str
    title: str
    message: str
    section: str | None
    match: str
    source: str | None
    severity: str


def _scope(rule: Rule, texts: Mapping[str, str]) -> dict[str, str]:
    return {k: v for k, v in texts.items() if not rule.sections or k in rule.sections}


def check_rule(rule: Rule, texts: Mapping[str, str]) -> list[Finding]:
    scope = _scope(rule, texts)
    patterns = rule.compiled()
    if rule.kind == "avoid":
        return [Finding(rule.id, rule.title, rule.message, name, m.group(0), rule.source,
                        rule.severity)
                for name, text in scope.items() for p in patterns for m in [p.search(text)] if m]
    if any(p.search(text) for text in scope.values() for p in patterns):
        return []
    return [Finding(rule.id, rule.title, rule.message, None, "", rule.source, rule.severity)]


def check(rulesets: tuple[RuleSet, ...], texts: Mapping[str, str]) -> list[Finding]:
    """Every finding of every rule; a ``require`` rule is quiet until something is written."""
    if not any(t.strip() for t in texts.values()):
        return []
    return [f for rs in rulesets for rule in rs.rules for f in check_rule(rule, texts)]
