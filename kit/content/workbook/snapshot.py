"""The content as it stands, with the file each entry lives in: what export writes out and
what import compares against."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kit.content.course import CourseInvalid
from kit.content.extra_models import RuleFile, RuleSet
from kit.content.models import Case, CaseFile, Item, ItemFile, Taxonomy, Template, TemplateFile

TAXONOMY, POLLS, RULES = "taxonomy.yaml", "polls.yaml", "rules.yaml"


@dataclass(frozen=True)
class Placed:
    """An entry and the file (relative to ``data/``) it is written in."""

    file: str
    entry: Case | Item


@dataclass(frozen=True)
class Snapshot:
    root: Path
    taxonomy: Taxonomy
    cases: tuple[Placed, ...]
    quizzes: tuple[Placed, ...]
    polls: tuple[Item, ...]
    rulesets: tuple[RuleSet, ...]
    templates: tuple[Template, ...]

    def case(self, ident: str) -> Placed | None:
        return next((p for p in self.cases if p.entry.id == ident), None)

    def quiz(self, ident: str) -> Placed | None:
        return next((p for p in self.quizzes if p.entry.id == ident), None)


def snapshot(root: Path) -> Snapshot:
    """Read ``root``; raise :class:`CourseInvalid` unless it validates."""
    from kit.content.checks import Report
    from kit.content.checks_refs import cross_check
    from kit.content.loader import parse_all

    parsed = parse_all(root)  # once: the same checks as ``check``, on the same parse
    problems = sorted(parsed.problems + cross_check(Report(parsed)))
    if problems:
        raise CourseInvalid(problems)
    return Snapshot(
        root=root,
        taxonomy=parsed.of("taxonomy", Taxonomy)[0][1],
        cases=tuple(Placed(f, c) for f, cf, _ in parsed.of("cases", CaseFile) for c in cf.cases),
        quizzes=tuple(Placed(f, i) for f, qf, _ in parsed.of("quizzes", ItemFile)
                      for i in qf.items),
        polls=tuple(i for _, pf, _ in parsed.of("polls", ItemFile) for i in pf.items),
        rulesets=tuple(r for _, rf, _ in parsed.of("rules", RuleFile) for r in rf.rulesets),
        templates=tuple(t for _, tf, _ in parsed.of("templates", TemplateFile)
                        for t in tf.templates),
    )
