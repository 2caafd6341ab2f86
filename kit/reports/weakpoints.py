"""The class's weakest points, as sentences generated from the report's figures (in the UI's
language, Chinese by default). Pure.

A point is weak when fewer than 60 % got it right (a dimension, a quiz question), when trainees
disagree among themselves (一致性低), when a rubric criterion averages under 60 % of its top
level, or when more than half of the drafts drew the same rule hint. The weakest come first.
"""

from __future__ import annotations

from collections.abc import Sequence

from kit.i18n import _
from kit.logic.agreement import fmt
from kit.reports.figures import AskFigure, Confusion, DimensionFigure, QuestionFigures
from kit.reports.peerfigures import DraftFigures, PeerFigures

WEAK = 0.60
MIN_ANSWERS = 5
LIMIT = 6


def pct(value: float | None) -> str:
    return "—" if value is None else f"{round(value * 100)}%"


def _error(c: Confusion) -> str:
    if not c.key:
        what = _("多选了「{chosen}」").format(chosen=c.chosen)
    elif not c.chosen:
        what = _("漏选了「{key}」").format(key=c.key)
    else:
        what = _("把「{key}」判为「{chosen}」").format(key=c.key, chosen=c.chosen)
    if c.of_errors > 0.5:
        return _("答错的多数({share})是{what}").format(share=pct(c.of_errors), what=what)
    return _("答错时最常见的是{what}(占 {share})").format(what=what, share=pct(c.of_errors))


def dimension_points(title: str, dim: DimensionFigure) -> list[tuple[float, str]]:
    out = []
    if dim.correct is not None and dim.correct < WEAK and dim.answers >= MIN_ANSWERS:
        tail = _(";{error}").format(error=_error(dim.confusion)) if dim.confusion else ""
        out.append((dim.correct, _("{title}:「{dim}」判断正确率 {share}{tail}。").format(
            title=title, dim=dim.name, share=pct(dim.correct), tail=tail)))
    if dim.reading == "低" and dim.agreement.value is not None:
        out.append((0.5 + dim.agreement.value / 10, _(
            "{title}:学员对「{dim}」的判断一致性低({method} {value}),"
            "对这些案例的理解分歧较大,值得逐案讨论。").format(
            title=title, dim=dim.name, method=dim.agreement.method,
            value=fmt(dim.agreement.value))))
    return out


def quiz_point(title: str, a: AskFigure) -> list[tuple[float, str]]:
    if a.correct is None or a.correct >= WEAK or a.answered < MIN_ANSWERS:
        return []
    body = a.question.body if len(a.question.body) <= 30 else a.question.body[:30] + "…"
    wrong, errors = a.wrong_pick, a.answered * (1 - a.correct)
    tail = (_(";答错的人中 {share} 选了「{code}. {name}」").format(
        share=pct(wrong.count / errors), code=wrong.code, name=wrong.name)
        if wrong and errors else "")
    return [(a.correct, _("{title}:「{question}」正确率 {share}{tail}。").format(
        title=title, question=body, share=pct(a.correct), tail=tail))]


def peer_points(p: PeerFigures) -> list[tuple[float, str]]:
    scored = [c for c in p.criteria if c.mean is not None]
    if not scored:
        return []
    low = min(scored, key=lambda c: c.mean or 0.0)
    share = (low.mean or 0.0) / low.top
    if share >= WEAK:
        return []
    return [(share, _("{title}:方案评分中「{criterion}」最弱,平均 {mean} 分(满分 {top} 分)。"
                      ).format(title=p.activity.title, criterion=low.name,
                               mean=f"{low.mean:.1f}", top=low.top))]


def draft_points(f: DraftFigures) -> list[tuple[float, str]]:
    if not f.drafts or not f.hints or f.hints[0][1] / f.drafts <= 0.5:
        return []
    title, n = f.hints[0]
    return [(1 - n / f.drafts, _("{title}:{share} 的方案被提示「{hint}」。").format(
        title=f.activity.title, share=pct(n / f.drafts), hint=title))]


def weak_points(questions: Sequence[QuestionFigures], drafts: Sequence[DraftFigures],
                peers: Sequence[PeerFigures]) -> list[str]:
    found: list[tuple[float, str]] = []
    for q in questions:
        for dim in q.dimensions:
            found += dimension_points(q.activity.title, dim)
        if q.activity.kind == "quiz":
            for a in q.asks:
                found += quiz_point(q.activity.title, a)
    for f in drafts:
        found += draft_points(f)
    for p in peers:
        found += peer_points(p)
    return _spread(sorted(found, key=lambda x: x[0]))


def _spread(ranked: list[tuple[float, str]], per_activity: int = 2) -> list[str]:
    """The weakest first, at most two from one activity, so one long quiz cannot fill the list."""
    out: list[str] = []
    taken: dict[str, int] = {}
    for _weakness, text in ranked:
        activity = text.split(":", 1)[0]
        if taken.get(activity, 0) < per_activity and len(out) < LIMIT:
            taken[activity] = taken.get(activity, 0) + 1
            out.append(text)
    return out
