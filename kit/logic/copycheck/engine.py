"""Rules over a reading: forbidden phrases first, then what must be present."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import replace

from kit.content.ad_models import AdRule, AdRuleFile
from kit.logic.copycheck.findings import Finding, Review
from kit.logic.copycheck.presence import missing
from kit.logic.copycheck.reading import Profile, Reading, Span, any_match, profile, read


def applies(rule: AdRule, prof: Profile) -> bool:
    return prof.has(rule.scope) and (not rule.media or prof.medium in rule.media)


def _finding(rule: AdRule, m: re.Match[str]) -> Finding:
    return Finding(rule.code, rule.id, rule.title, m.start(), m.end(), m.group(0),
                   rule.message, rule.rewrite, rule.source)


def matches(rule: AdRule, reading: Reading) -> list[Finding]:
    """Every asserted match of an avoid rule (none when an ``unless`` pattern is present)."""
    if any_match(rule.unless, reading.text):
        return []
    found = (m for p in rule.patterns for m in re.finditer(p, reading.text) if m.group(0))
    return [_finding(rule, m) for m in found
            if not (rule.negatable and reading.qualified(m.start()))]


def _overlaps(a: Finding, b: Finding) -> bool:
    return a.start < b.end and b.start < a.end


def _yields(f: Finding, g: Finding, reading: Reading, rules: Mapping[str, AdRule]) -> bool:
    return g.code in rules[f.rule_id].yields_to and reading.sentence(f.start) == reading.sentence(
        g.start)


def settle(found: list[Finding], rules: Mapping[str, AdRule], reading: Reading) -> list[Finding]:
    """Drop matches that yield to a stronger code in their sentence, and same-code repeats
    (keeping the longest of overlapping spans)."""
    kept: list[Finding] = []
    for f in sorted(found, key=lambda f: (f.start, -(f.end - f.start))):
        if any(_yields(f, g, reading, rules) for g in found if g is not f):
            continue
        if any(g.code == f.code and _overlaps(f, g) for g in kept):
            continue
        kept.append(f)
    return kept


def _avoid(rules: Iterable[AdRule], reading: Reading, prof: Profile) -> list[Finding]:
    return [f for r in rules if r.kind == "avoid" and applies(r, prof)
            for f in matches(r, reading)]


def review(text: str, rules: AdRuleFile) -> Review:
    """Read ``text`` and apply every rule; marking rules (M5) run first, as they widen scope."""
    reading = read(text, rules)
    prof = profile(reading)
    first = _avoid((r for r in rules.rules if r.marks), reading, prof)
    marks: dict[str, Span | None] = {m: Span(f.start, f.end, f.matched)
                                     for f in first for m in rules.rule(f.rule_id).marks}
    prof = replace(prof, kinds={**prof.kinds, **marks})
    found = first + _avoid((r for r in rules.rules if not r.marks), reading, prof)
    found = settle(found, {r.id: r for r in rules.rules}, reading)
    found += missing(rules, reading, prof, {f.code for f in found}, applies)
    kinds = frozenset(prof.kinds)
    return Review(text, kinds, prof.medium, tuple(sorted(found, key=lambda f: (f.start, f.code))))


def review_all(texts: Mapping[str, str], rules: AdRuleFile) -> dict[str, Review]:
    return {key: review(text, rules) for key, text in texts.items()}
