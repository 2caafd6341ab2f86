"""Cross-reference checks for templates, rubrics and module activities."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from kit.content.checks import (
    Report,
    all_cases,
    all_items,
    check_cases,
    check_items,
    check_taxonomy,
    dimensions,
    duplicates,
)
from kit.content.loader import Parsed
from kit.content.models import Case, TemplateFile
from kit.content.problems import Problem
from kit.content.rubric_models import Activity, ModuleFile, RubricFile


def check_templates(report: Report) -> None:
    found = report.parsed.of("templates", TemplateFile)
    entries = [(t.id, (f, loc), ("templates", i, "id"))
               for f, tf, loc in found for i, t in enumerate(tf.templates)]
    duplicates(report, entries, "模板 id ")
    for f, tf, loc in found:
        for i, t in enumerate(tf.templates):
            duplicates(report, ((s.id, (f, loc), ("templates", i, "sections", j, "id"))
                                for j, s in enumerate(t.sections)), f"模板 {t.id} 的分节 id ")


def check_rubrics(report: Report) -> None:
    for f, rf, loc in report.parsed.of("rubrics", RubricFile):
        duplicates(report, ((r.id, (f, loc), ("rubrics", i, "id"))
                            for i, r in enumerate(rf.rubrics)), "量规 id ")
        for i, rubric in enumerate(rf.rubrics):
            scores = rubric.scores
            if list(scores) != sorted(set(scores)):
                report.add((f, loc), ("rubrics", i, "levels"), "等级分值应严格递增且不重复")
            for j, crit in enumerate(rubric.criteria):
                if set(crit.descriptors) != set(scores):
                    miss = sorted(set(scores) - set(crit.descriptors))
                    extra = sorted(set(crit.descriptors) - set(scores))
                    report.add((f, loc), ("rubrics", i, "criteria", j, "descriptors"),
                               f"描述应覆盖每个等级:缺少 {miss},多出 {extra}")


@dataclass(frozen=True)
class Known:
    """Every id an activity may point at."""

    cases: dict[str, Case]
    quiz: set[str]
    polls: set[str]
    templates: set[str]
    rubrics: set[str]
    dims: set[str]
    drafts: set[str]
    draft_items: frozenset[str] = frozenset()
    """Quiz items and polls still marked ``draft: true``: no activity may use them."""


def _known(parsed: Parsed, drafts: set[str]) -> Known:
    return Known(
        cases={c.id: c for c, _, _ in all_cases(parsed)},
        quiz={it.id for it, _, _ in all_items(parsed, "quizzes")},
        polls={it.id for it, _, _ in all_items(parsed, "polls")},
        templates={t.id for _, tf, _ in parsed.of("templates", TemplateFile) for t in tf.templates},
        rubrics={r.id for _, rf, _ in parsed.of("rubrics", RubricFile) for r in rf.rubrics},
        dims=set(dimensions(parsed)), drafts=drafts,
        draft_items=frozenset(it.id for kind in ("quizzes", "polls")
                              for it, _, _ in all_items(parsed, kind) if it.draft))


def _activity_problems(act: Activity, k: Known) -> Iterator[tuple[tuple[str | int, ...], str]]:
    for i, cid in enumerate(getattr(act, "cases", ())):
        if cid not in k.cases:
            yield ("cases", i), f"引用的案例 {cid!r} 不存在"
        for dim in getattr(act, "dimensions", ()):
            if cid in k.cases and dim not in k.cases[cid].key:
                yield ("cases", i), f"案例 {cid!r} 没有维度 {dim!r} 的答案"
    for i, dim in enumerate(getattr(act, "dimensions", ())):
        if dim not in k.dims:
            yield ("dimensions", i), f"引用的维度 {dim!r} 不存在"
    pool = k.quiz if act.kind == "quiz" else k.polls
    for i, iid in enumerate(getattr(act, "items", ())):
        if iid not in pool:
            yield ("items", i), f"引用的题目 {iid!r} 不存在"
        elif iid in k.draft_items:
            yield ("items", i), f"题目 {iid!r} 仍是草稿(draft: true),完成后删去 draft 才能使用"
    yield from _links(act, k)


def _links(act: Activity, k: Known) -> Iterator[tuple[tuple[str | int, ...], str]]:
    if act.kind == "draft" and act.template not in k.templates:
        yield ("template",), f"模板 {act.template!r} 不存在"
    if act.kind == "peer_review":
        if act.of not in k.drafts:
            yield ("of",), f"互评对象 {act.of!r} 不是撰写活动"
        if act.rubric not in k.rubrics:
            yield ("rubric",), f"量规 {act.rubric!r} 不存在"


def check_modules(report: Report) -> None:
    for f, mf, loc in report.parsed.of("modules", ModuleFile):
        acts = [(a, ("modules", i, "activities", j))
                for i, m in enumerate(mf.modules) for j, a in enumerate(m.activities)]
        duplicates(report, ((a.id, (f, loc), (*p, "id")) for a, p in acts), "活动 id ")
        duplicates(report, ((str(m.number), (f, loc), ("modules", i, "number"))
                            for i, m in enumerate(mf.modules)), "模块编号")
        if report.parsed.failed:
            continue  # references into a file that did not load would only add noise
        known = _known(report.parsed, {a.id for a, _ in acts if a.kind == "draft"})
        for act, path in acts:
            for sub, message in _activity_problems(act, known):
                report.add((f, loc), (*path, *sub), message)


def cross_check(report: Report) -> list[Problem]:
    from kit.content.checks_extra import check_exemplars, check_outline, check_rules

    for check in (check_taxonomy, check_cases, check_items, check_templates, check_rubrics,
                  check_modules, check_rules, check_exemplars, check_outline):
        check(report)
    return report.problems
