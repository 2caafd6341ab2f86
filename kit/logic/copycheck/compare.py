"""People against the checker: where a class's answers and the checker's findings differ.

After the 文案审查 activity (``m2-copy-review``) is revealed, the lead's projector view can show,
for each piece of copy and each code, how many trainees raised it, whether the checker did, and
what the answer key says. ``M0`` (未发现违规) counts as raising nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from kit.logic.copycheck.findings import code_key

NONE_CODE = "M0"


@dataclass(frozen=True)
class CodeVote:
    code: str
    raised_by: int
    """Trainees who chose this code."""
    share: float
    """raised_by ÷ trainees who answered (0 when nobody answered)."""
    checker: bool
    key: bool | None = None
    """Whether the answer key has the code; ``None`` when no key was given."""

    @property
    def people(self) -> bool:
        """The class's verdict: at least half raised it."""
        return self.share >= 0.5

    @property
    def differs(self) -> bool:
        return self.people != self.checker


@dataclass(frozen=True)
class CopyComparison:
    case_id: str
    answered: int
    votes: tuple[CodeVote, ...]

    @property
    def differences(self) -> tuple[CodeVote, ...]:
        return tuple(v for v in self.votes if v.differs)


def _codes(codes: Iterable[str]) -> set[str]:
    return set(codes) - {NONE_CODE}


def compare_case(case_id: str, answers: Sequence[Iterable[str]], checker: Iterable[str],
                 key: Iterable[str] | None = None) -> CopyComparison:
    chosen = [_codes(a) for a in answers]
    found, keyed = _codes(checker), None if key is None else _codes(key)
    codes = set().union(found, keyed or set(), *chosen)
    votes = tuple(CodeVote(c, n := sum(c in a for a in chosen), n / len(chosen) if chosen else 0.0,
                           c in found, None if keyed is None else c in keyed)
                  for c in sorted(codes, key=code_key))
    return CopyComparison(case_id, len(chosen), votes)


def compare_class(answers: Mapping[str, Sequence[Iterable[str]]],
                  checker: Mapping[str, Iterable[str]],
                  keys: Mapping[str, Iterable[str]] | None = None) -> tuple[CopyComparison, ...]:
    """One comparison per case of ``checker`` (the activity's cases, in their order).

    ``answers``: case id → each trainee's chosen ad_rule codes; ``checker``: case id → the
    codes the checker found (``Review.codes``); ``keys``: case id → the answer key, if shown."""
    return tuple(compare_case(cid, answers.get(cid, ()), found,
                              None if keys is None else keys.get(cid, ()))
                 for cid, found in checker.items())
