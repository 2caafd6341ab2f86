"""Reading a piece of copy before any rule: its kinds, its medium, and its qualified regions.

A phrase counts only where it is asserted. It does not count just after a negator in the same
clause (不保证收益, 非保本, 不构成收益承诺) nor anywhere in a sentence that warns against such
claims (警惕“高收益、零风险”的投资陷阱). Kind cues obey the same test, with a wider clause, so
that 不得用于投资理财 does not make a loan ad a wealth-management ad.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from kit.content.ad_models import AdRuleFile

CLAUSE = re.compile(r"[，,。！!？?；;、：:\n]")
WIDE_CLAUSE = re.compile(r"[，,。！!？?；;\n]")
SENTENCE = re.compile(r"[。！!？?\n]")
KINDS = ("investment", "insurance", "credit", "deposit")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


def _pieces(text: str, sep: re.Pattern[str]) -> list[tuple[int, int]]:
    bounds = [0, *(m.end() for m in sep.finditer(text)), len(text)]
    return [(a, b) for a, b in itertools.pairwise(bounds) if b > a]


@dataclass(frozen=True)
class Reading:
    text: str
    rules: AdRuleFile
    warned: tuple[tuple[int, int], ...]

    def sentence(self, pos: int) -> int:
        """Which sentence ``pos`` falls in (its index)."""
        return sum(1 for m in SENTENCE.finditer(self.text, 0, pos))

    def in_warning(self, pos: int) -> bool:
        return any(a <= pos < b for a, b in self.warned)

    def negated(self, start: int, wide: bool = False) -> bool:
        """A negator just before ``start``, in the same clause."""
        sep = WIDE_CLAUSE if wide else CLAUSE
        clause_start = max((m.end() for m in sep.finditer(self.text, 0, start)), default=0)
        window = self.rules.qualifiers.window * (2 if wide else 1)
        prefix = self.text[max(clause_start, start - window):start]
        return any(re.search(p, prefix) for p in self.rules.qualifiers.negators)

    def qualified(self, start: int, wide: bool = False) -> bool:
        return self.in_warning(start) or self.negated(start, wide)

    def cue(self, patterns: tuple[str, ...]) -> Span | None:
        """The first cue that is asserted (not negated, not in a warning sentence)."""
        found = (m for p in patterns for m in re.finditer(p, self.text))
        first = min((m for m in found if not self.qualified(m.start(), wide=True)),
                    key=lambda m: m.start(), default=None)
        return Span(first.start(), first.end(), first.group(0)) if first else None


def read(text: str, rules: AdRuleFile) -> Reading:
    warning = rules.qualifiers.warning
    warned = tuple(s for s in _pieces(text, SENTENCE)
                   if any(re.search(p, text[s[0]:s[1]]) for p in warning))
    return Reading(text, rules, warned)


def any_match(patterns: tuple[str, ...], text: str) -> bool:
    return any(re.search(p, text) for p in patterns)


@dataclass(frozen=True)
class Profile:
    """What the copy is: product kinds (with the cue for each), medium, promotion or notice."""

    kinds: dict[str, Span | None]
    """Kind → the cue that shows it (``None`` for kinds that no single phrase shows)."""
    medium: str
    sms: bool
    promotes: bool

    def has(self, scope: tuple[str, ...]) -> bool:
        return not scope or any(s in self.kinds for s in scope)

    def cue_for(self, scope: tuple[str, ...]) -> Span | None:
        return next((self.kinds[s] for s in scope if s in self.kinds), None)


def profile(reading: Reading) -> Profile:
    cues, text = reading.rules.cues, reading.text
    kinds: dict[str, Span | None] = {
        k: m for k in KINDS if (m := reading.cue(getattr(cues, k))) is not None}
    notice = any_match(cues.service, text) and not any_match(cues.promotion, text)
    sms = any_match(cues.sms, text)
    if sms and not notice:
        kinds["sms-marketing"] = None
    medium = "script" if any_match(cues.script, text) else "written"
    return Profile(kinds, medium, sms, not notice)
