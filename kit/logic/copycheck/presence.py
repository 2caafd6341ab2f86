"""Rules about what must be present: a risk warning, an annualised rate, the insurer's name."""

from __future__ import annotations

import re
from collections.abc import Callable

from kit.content.ad_models import AdRule, AdRuleFile
from kit.logic.copycheck.findings import Finding
from kit.logic.copycheck.reading import Profile, Reading


def _absent(rule: AdRule, text: str) -> bool:
    return not any(re.search(p, text) for p in rule.patterns)


def missing(rules: AdRuleFile, reading: Reading, prof: Profile, found: set[str],
            applies: Callable[[AdRule, Profile], bool]) -> list[Finding]:
    """One finding per require rule that is in scope, unmet, and whose code is not already
    found (a fee-wording M11 already says the rate is missing). Notices promote nothing, so
    nothing is required of them."""
    out: list[Finding] = []
    for rule in rules.rules:
        if (rule.kind != "require" or not prof.promotes or rule.code in found
                or not applies(rule, prof) or not _absent(rule, reading.text)):
            continue
        cue = prof.cue_for(rule.scope)
        span = (cue.start, cue.end, cue.text) if cue else (0, 0, "")
        out.append(Finding(rule.code, rule.id, rule.title, *span, rule.message, rule.rewrite,
                           rule.source, missing=True))
        found = found | {rule.code}
    return out
