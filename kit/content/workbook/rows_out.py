"""Content entries → workbook rows (header → cell value), the inverse of the ``read_*`` modules.

An entry the layout cannot hold exactly (a fact with a line break, options not coded A, B, C…)
is refused by name rather than changed, so export-then-import never alters content.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from kit.content.extra_models import RuleSet
from kit.content.models import Case, Dimension, Item
from kit.content.workbook.layout import (
    CASE_KINDS,
    CHOICES,
    EXPLAIN,
    OPTION_LETTERS,
    PLAN,
    RULE_KINDS,
    SEP,
    SEVERITIES,
    TF_OPTIONS,
    TRUE_FALSE,
    YES,
    option_header,
)
from kit.content.workbook.snapshot import Placed
from kit.i18n import _

Cells = dict[str, Any]


class NotRepresentable(ValueError):
    """An entry the workbook cannot hold without changing it."""


def joined(values: tuple[Any, ...]) -> str | None:
    return SEP.join(map(str, values)) or None


def lines(values: tuple[str, ...], what: str, ident: str) -> str | None:
    if any("\n" in v for v in values):
        raise NotRepresentable(_("{id}: {field}中有一条含换行,工作簿里无法区分条目").format(
            id=ident, field=what))
    return "\n".join(values) or None


def dim_header(dim: Dimension) -> str:
    return f"{dim.name}[{dim.id}]"


def case_cells(placed: Placed, dims: tuple[Dimension, ...], plans: tuple[str, ...]) -> Cells:
    case = placed.entry
    assert isinstance(case, Case)
    row: Cells = {"文件": placed.file.removeprefix("cases/"), "id": case.id,
                  "类型": CASE_KINDS[case.kind], "标题": case.title,
                  "模块": joined(case.modules), "难度": case.difficulty,
                  "案情": case.narrative, "关键事实": lines(case.facts, "关键事实", case.id)}
    for dim in dims:
        row[dim_header(dim)] = joined(case.key.get(dim.id, ()))
        row[f"{EXPLAIN}[{dim.id}]"] = case.explanations.get(dim.id)
    row["来源"] = lines(case.sources, "来源", case.id)
    row.update({f"{PLAN}[{s}]": case.model_plan.get(s) for s in plans})
    return row


def is_true_false(item: Item) -> bool:
    pairs = tuple((o.code, o.text) for o in item.options)
    return item.choice == "single" and pairs == TF_OPTIONS


def item_cells(item: Item, file: str | None) -> Cells:
    tf = is_true_false(item)
    row: Cells = {"文件": file.removeprefix("quizzes/")} if file else {}
    row.update({"id": item.id, "模块": item.module, "主题": item.topic,
                "题型": TRUE_FALSE if tf else CHOICES[item.choice], "题干": item.question})
    if not tf:
        row.update(_options(item))
    names = dict(TF_OPTIONS)
    answer = item.answer or ()
    row["答案"] = names[answer[0]] if tf and answer else joined(answer)
    row.update({"解析": item.explanation, "出处": item.source, "草稿": YES if item.draft else None})
    return row


def _options(item: Item) -> Cells:
    codes = tuple(o.code for o in item.options)
    if codes != tuple(OPTION_LETTERS[:len(codes)]):
        raise NotRepresentable(_("{id}: 选项编码 {codes} 不是 A、B、C… 的顺序,"
                                 "也不是判断题的 T/F(最多 {count} 个选项)").format(
            id=item.id, codes="、".join(codes), count=len(OPTION_LETTERS)))
    return {option_header(o.code): o.text for o in item.options}


def dimension_cells(dim: Dimension) -> Cells:
    return {"id": dim.id, "名称": dim.name, "说明": dim.description,
            "选择方式": CHOICES[dim.cardinality], "互斥标签": joined(dim.exclusive)}


def label_cells(dims: tuple[Dimension, ...]) -> Iterator[Cells]:
    for dim in dims:
        for lab in dim.labels:
            yield {"维度": dim.id, "编码": lab.code, "名称": lab.name, "说明": lab.description}


def rule_cells(rulesets: tuple[RuleSet, ...]) -> Iterator[Cells]:
    for rs in rulesets:
        for rule in rs.rules:
            yield {"规则集": rs.id, "规则集名称": rs.name, "适用模板": joined(rs.applies_to),
                   "规则": rule.id, "类型": RULE_KINDS[rule.kind], "标题": rule.title,
                   "提示": rule.message, "模式": lines(rule.patterns, "模式", rule.id),
                   "正则": YES if rule.regex else None, "分节": joined(rule.sections),
                   "出处": rule.source, "级别": SEVERITIES[rule.severity]}
