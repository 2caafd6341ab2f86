"""What the checker reports: findings with their span, and the review of one piece of copy."""

from __future__ import annotations

from dataclasses import dataclass

from kit.content.citation import plain_citation


def code_key(code: str) -> tuple[int, str]:
    """M2 before M10: codes sort by their number."""
    digits = "".join(ch for ch in code if ch.isdigit())
    return (int(digits) if digits else 0, code)


@dataclass(frozen=True)
class Finding:
    code: str
    rule_id: str
    title: str
    start: int
    end: int
    """The matched span ``text[start:end]``; for a missing-element finding, the cue that put
    the copy in the rule's scope (``start == end == 0`` when there is none)."""
    matched: str
    message: str
    rewrite: str
    source: str
    """As written in the content, with the designers' markers ([V], [S], [K])."""
    missing: bool = False
    """True for a rule about what must be present (no risk warning, no annualised rate…)."""

    @property
    def citation(self) -> str:
        """The source as a trainee or reviewer should read it."""
        return plain_citation(self.source)


@dataclass(frozen=True)
class Review:
    text: str
    kinds: frozenset[str]
    medium: str
    findings: tuple[Finding, ...]

    @property
    def codes(self) -> tuple[str, ...]:
        """The distinct codes found, in number order; empty when the copy is clean."""
        return tuple(sorted({f.code for f in self.findings}, key=code_key))
