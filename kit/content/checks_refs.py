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
from kit.content.rubric_models import Activity, Module, ModuleFile, RubricFile
from kit.i18n import _


def check_templates(report: Report) -> None:
    found = report.parsed.of("templates", TemplateFile)
    entries = [(t.id, (f, loc), ("templates", i, "id"))
               for f, tf, loc in found for i, t in enumerate(tf.templates)]
    duplicates(report, entries, _("模板 id "))
    for f, tf, loc in found:
        for i, t in enumerate(tf.templates):
            duplicates(report, ((s.id, (f, loc), ("templates", i, "sections", j, "id"))
                                for j, s in enumerate(t.sections)),
                       _("模板 {template} 的分节 id ").format(template=t.id))


def check_rubrics(report: Report) -> None:
    for f, rf, loc in report.parsed.of("rubrics", RubricFile):
        duplicates(report, ((r.id, (f, loc), ("rubrics", i, "id"))
                            for i, r in enumerate(rf.rubrics)), _("量规 id "))
        for i, rubric in enumerate(rf.rubrics):
            scores = rubric.scores
            if list(scores) != sorted(set(scores)):
                report.add((f, loc), ("rubrics", i, "levels"), _("等级分值应严格递增且不重复"))
            for j, crit in enumerate(rubric.criteria):
                if set(crit.descriptors) != set(scores):
                    miss = sorted(set(scores) - set(crit.descriptors))
                    extra = sorted(set(crit.descriptors) - set(scores))
                    report.add((f, loc), ("rubrics", i, "criteria", j, "descriptors"),
                               _("描述应覆盖每个等级:缺少 {missing},多出 {extra}").format(
                                   missing=miss, extra=extra))


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
            yield ("cases", i), _("引用的案例 {case} 不存在").format(case=repr(cid))
        for dim in getattr(act, "dimensions", ()):
            if cid in k.cases and dim not in k.cases[cid].key:
                yield ("cases", i), _("案例 {case} 没有维度 {dim} 的答案").format(
                    case=repr(cid), dim=repr(dim))
    for i, dim in enumerate(getattr(act, "dimensions", ())):
        if dim not in k.dims:
            yield ("dimensions", i), _("引用的维度 {dim} 不存在").format(dim=repr(dim))
    pool = k.quiz if act.kind == "quiz" else k.polls
    for i, iid in enumerate(getattr(act, "items", ())):
        if iid not in pool:
            yield ("items", i), _("引用的题目 {item} 不存在").format(item=repr(iid))
        elif iid in k.draft_items:
            yield ("items", i), _("题目 {item} 仍是草稿(draft: true),完成后删去 draft 才能使用"
                                  ).format(item=repr(iid))
    yield from _links(act, k)


def _links(act: Activity, k: Known) -> Iterator[tuple[tuple[str | int, ...], str]]:
    if act.kind == "draft" and act.template not in k.templates:
        yield ("template",), _("模板 {template} 不存在").format(template=repr(act.template))
    if act.kind == "peer_review":
        if act.of not in k.drafts:
            yield ("of",), _("互评对象 {target} 不是撰写活动").format(target=repr(act.of))
        if act.rubric not in k.rubrics:
            yield ("rubric",), _("量规 {rubric} 不存在").format(rubric=repr(act.rubric))


def check_modules(report: Report) -> None:
    for f, mf, loc in report.parsed.of("modules", ModuleFile):
        acts = [(a, ("modules", i, "activities", j))
                for i, m in enumerate(mf.modules) for j, a in enumerate(m.activities)]
        duplicates(report, ((a.id, (f, loc), (*p, "id")) for a, p in acts), _("活动 id "))
        duplicates(report, ((str(m.number), (f, loc), ("modules", i, "number"))
                            for i, m in enumerate(mf.modules)), _("模块编号"))
        if report.parsed.failed:
            continue  # references into a file that did not load would only add noise
        known = _known(report.parsed, {a.id for a, _ in acts if a.kind == "draft"})
        for act, path in acts:
            for sub, message in _activity_problems(act, known):
                report.add((f, loc), (*path, *sub), message)
        for i, module in enumerate(mf.modules):
            if module.pass_mark is not None and not _scored(module):
                report.add((f, loc), ("modules", i, "pass_mark"),
                           _("设了合格线,但本模块没有计分活动(分类、测验,或有互评的方案)"))


def _scored(module: Module) -> bool:
    """Whether a module score exists: a classification, a quiz, or a peer-reviewed draft."""
    reviewed = {a.of for a in module.activities if a.kind == "peer_review"}
    return any(a.kind in ("classify", "quiz") or a.id in reviewed for a in module.activities)


def cross_check(report: Report) -> list[Problem]:
    from kit.content.checks_ads import check_ad_rules
    from kit.content.checks_extra import check_exemplars, check_outline, check_rules
    from kit.content.checks_scenarios import check_scenarios

    for check in (check_taxonomy, check_cases, check_items, check_templates, check_rubrics,
                  check_modules, check_rules, check_exemplars, check_outline, check_ad_rules,
                  check_scenarios):
        check(report)
    return report.problems
