"""Item analysis across sessions, for course designers: which cases and questions work. Pure.

An item is one case on one dimension, or one quiz question, pooled over every session and
activity that asked it, scored against the key the content has *now*. Each respondent's total
is their score on the whole activity (a question left out scores 0). Statistics and flags:
:mod:`kit.logic.itemstats`, :mod:`kit.logic.itemreview`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from kit.content import Course
from kit.i18n import N_, _
from kit.logic.agreement import agreement
from kit.logic.classify import Answer, score
from kit.logic.itemreview import Flag, agreement_flag, item_flags
from kit.logic.itemstats import ItemStats, Response, analyse
from kit.logic.questions import Ask, Question, for_activity
from kit.reports.data import SessionData


@dataclass(frozen=True)
class Sheet:
    """One trainee's answers to one activity: question id → answer."""

    participant: int
    activity_id: str
    answers: Mapping[str, Answer]


KINDS = (N_("案例"), N_("测验"))


@dataclass(frozen=True)
class Item:
    kind: str
    """案例 or 测验 (marked in :data:`KINDS`; shown through ``_()``)"""
    question: Question
    ask: Ask
    activities: tuple[str, ...]
    stats: ItemStats
    flags: tuple[Flag, ...]

    @property
    def label(self) -> str:
        if self.kind == "案例":
            return _("案例「{title}」· {dim}").format(title=self.question.title, dim=self.ask.name)
        body = self.question.body
        return _("测验 {id}「{text}」").format(
            id=self.question.id, text=body[:24] + ("…" if len(body) > 24 else ""))


@dataclass(frozen=True)
class DimensionAgreement:
    activity: str
    dimension: str
    method: str
    value: float | None
    trainees: int
    flag: Flag | None


@dataclass(frozen=True)
class Analysis:
    sessions: int
    items: tuple[Item, ...]
    dimensions: tuple[DimensionAgreement, ...]


def sheets(sessions: Sequence[SessionData]) -> list[Sheet]:
    out: dict[tuple[int, str], dict[str, Answer]] = {}
    for d in sessions:
        kinds = {a.id for a in d.activities() if a.kind in ("classify", "quiz")}
        for s in (s for s in d.submissions if s.activity_id in kinds):
            out.setdefault((s.participant_id, s.activity_id), {})[s.item_id] = \
                s.payload.get("answer", {})
    return [Sheet(p, a, answers) for (p, a), answers in out.items()]


def _responses(qs: Sequence[Question], sheet: Sheet) -> list[tuple[Question, Ask, Response]]:
    """Every (question, dimension) of an activity for one sheet, with the sheet's totals."""
    cells = [(q, a, score(sheet.answers.get(q.id, {}).get(a.id, ()), a.key or (),
                          a.cardinality)) for q in qs for a in q.asks if a.graded]
    whole = sum(s for _, _, s in cells)
    n = len(cells)
    return [(q, a, Response(str(sheet.participant), whole / n, (whole - s) / max(1, n - 1),
                            s == 1.0, frozenset(sheet.answers.get(q.id, {}).get(a.id, ()))))
            for q, a, s in cells if q.id in sheet.answers]


def item_analysis(course: Course, all_sheets: Sequence[Sheet], sessions: int) -> Analysis:
    pooled: dict[tuple[str, str], tuple[Question, Ask, list[str], list[Response]]] = {}
    for sheet in all_sheets:
        act = course.activity(sheet.activity_id)
        for q, a, r in _responses(for_activity(course, act.id), sheet):
            entry = pooled.setdefault((q.id, a.id), (q, a, [], []))
            entry[3].append(r)
            if act.id not in entry[2]:
                entry[2].append(act.id)
    items = []
    for (qid, _ask), (q, a, acts, rs) in sorted(pooled.items()):
        stats = analyse(rs, [c.code for c in a.choices], a.key or ())
        names = {c.code: c.name for c in a.choices}
        kind = "测验" if qid in course.quizzes else "案例"
        if kind == "测验":
            names = {c.code: f"{c.code}. {c.name}" for c in a.choices}
        items.append(Item(kind, q, a, tuple(acts), stats, tuple(item_flags(stats, names))))
    return Analysis(sessions, tuple(items), _agreements(course, all_sheets))


def _agreements(course: Course, all_sheets: Sequence[Sheet]) -> tuple[DimensionAgreement, ...]:
    out = []
    for act in (a for m in course.modules for a in m.activities if a.kind == "classify"):
        by_p = {s.participant: s.answers for s in all_sheets if s.activity_id == act.id}
        if not by_p:
            continue
        qs = for_activity(course, act.id)
        for ask in qs[0].asks:
            got = agreement(qs, ask.id, by_p)
            out.append(DimensionAgreement(act.title, ask.name, got.method, got.value, len(by_p),
                                          agreement_flag(got.method, got.value, len(by_p))))
    return tuple(out)


def analyse_sessions(course: Course, sessions: Sequence[SessionData]) -> Analysis:
    return item_analysis(course, sheets(sessions), len(sessions))


def to_review(a: Analysis, worst_rank: int = 4) -> list[tuple[str, str]]:
    """(what, why), the most urgent first: the short list a designer starts from. Weak
    discrimination alone (rank 5) stays in the table, off the short list."""
    found = [(f.rank, i.label, f.reason) for i in a.items for f in i.flags
             if f.rank <= worst_rank]
    found += [(d.flag.rank, _("维度「{dim}」({activity})").format(
        dim=d.dimension, activity=d.activity), d.flag.reason)
              for d in a.dimensions if d.flag]
    return [(what, why) for _, what, why in sorted(found, key=lambda x: (x[0], x[1]))]
