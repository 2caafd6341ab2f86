"""Cross-reference checks for rule sets, exemplars and the outline."""

from __future__ import annotations

from kit.content.checks import Report, all_cases, duplicates
from kit.content.extra_models import Exemplar, ExemplarFile, OutlineFile, RuleFile
from kit.content.models import Template, TemplateFile
from kit.content.rubric_models import ModuleFile, Rubric, RubricFile
from kit.i18n import _


def _templates(report: Report) -> dict[str, Template]:
    return {t.id: t for _, f, _ in report.parsed.of("templates", TemplateFile) for t in f.templates}


def check_rules(report: Report) -> None:
    templates = _templates(report)
    for f, rf, loc in report.parsed.of("rules", RuleFile):
        duplicates(report, ((s.id, (f, loc), ("rulesets", i, "id"))
                            for i, s in enumerate(rf.rulesets)), _("规则集 id "))
        for i, rs in enumerate(rf.rulesets):
            duplicates(report, ((r.id, (f, loc), ("rulesets", i, "rules", j, "id"))
                                for j, r in enumerate(rs.rules)),
                       _("规则集 {ruleset} 的规则 id ").format(ruleset=rs.id))
            for j, tid in enumerate(rs.applies_to):
                if tid not in templates and "templates" not in report.parsed.failed:
                    report.add((f, loc), ("rulesets", i, "applies_to", j),
                               _("模板 {template} 不存在").format(template=repr(tid)))


def _exemplar_problems(ex: Exemplar, rubrics: dict[str, Rubric],
                       templates: dict[str, Template], cases: set[str]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    rubric, template = rubrics.get(ex.rubric), templates.get(ex.template)
    if rubric is None:
        out.append(("rubric", _("量规 {rubric} 不存在").format(rubric=repr(ex.rubric))))
    if template is None:
        out.append(("template", _("模板 {template} 不存在").format(template=repr(ex.template))))
    if ex.case not in cases:
        out.append(("case", _("案例 {case} 不存在").format(case=repr(ex.case))))
    if template and set(ex.sections) - {s.id for s in template.sections}:
        out.append(("sections", _("有不属于该模板的分节")))
    if rubric and set(ex.scores) != {c.id for c in rubric.criteria}:
        out.append(("scores", _("评分应覆盖量规的每一条标准")))
    if rubric and set(ex.scores.values()) - set(rubric.scores):
        out.append(("scores", _("分值应为 {scores} 之一").format(scores=list(rubric.scores))))
    return out


def check_exemplars(report: Report) -> None:
    if report.parsed.failed:
        return
    rubrics = {r.id: r for _, f, _ in report.parsed.of("rubrics", RubricFile) for r in f.rubrics}
    templates, cases = _templates(report), {c.id for c, _, _ in all_cases(report.parsed)}
    for f, ef, loc in report.parsed.of("exemplars", ExemplarFile):
        duplicates(report, ((e.id, (f, loc), ("exemplars", i, "id"))
                            for i, e in enumerate(ef.exemplars)), _("范例 id "))
        for i, ex in enumerate(ef.exemplars):
            for key, message in _exemplar_problems(ex, rubrics, templates, cases):
                report.add((f, loc), ("exemplars", i, key), message)


def check_outline(report: Report) -> None:
    if report.parsed.failed:
        return
    acts = {a.id for _, mf, _ in report.parsed.of("modules", ModuleFile)
            for m in mf.modules for a in m.activities}
    for f, of, loc in report.parsed.of("outline", OutlineFile):
        entries = [(e, ("modules", i, "items", j))
                   for i, m in enumerate(of.modules) for j, e in enumerate(m.items)]
        duplicates(report, ((e.id, (f, loc), (*p, "id")) for e, p in entries), _("大纲条目编号"))
        for entry, path in entries:
            for k, aid in enumerate(entry.activities):
                if aid not in acts:
                    report.add((f, loc), (*path, "activities", k),
                               _("引用的活动 {activity} 不存在").format(activity=repr(aid)))
