"""Cross-reference checks over parsed content: ids, labels, cardinality, references."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from kit.content.loader import Parsed
from kit.content.models import Case, CaseFile, Dimension, Item, ItemFile, Taxonomy
from kit.content.problems import Problem, key_text
from kit.i18n import _

COMPLAINT_DIMENSIONS = (
    "problem", "category", "channel", "business", "cause", "demand", "severity", "rights",
)
Path_ = tuple[str | int, ...]


class Report:
    def __init__(self, parsed: Parsed) -> None:
        self.parsed, self.problems = parsed, list[Problem]()

    def add(self, where: tuple[str, Any], path: Path_, message: str) -> None:
        file, loc = where
        self.problems.append(Problem(file, loc.line(path), key_text(path), message))


def duplicates(
    report: Report, entries: Iterable[tuple[str, tuple[str, Any], Path_]], what: str
) -> None:
    """``what``: the translated name of the thing that must be unique (e.g. ``_("案例 id ")``)."""
    seen: dict[str, str] = {}
    for ident, where, path in entries:
        if ident in seen:
            report.add(where, path, _("{what}重复:{ident}(首次出现在 {first})").format(
                what=what, ident=repr(ident), first=seen[ident]))
        else:
            seen[ident] = f"{where[0]}:{where[1].line(path)}"


def dimensions(parsed: Parsed) -> dict[str, Dimension]:
    found = parsed.of("taxonomy", Taxonomy)
    return {d.id: d for _, tax, _ in found for d in tax.dimensions}


def check_taxonomy(report: Report) -> None:
    for file, tax, loc in report.parsed.of("taxonomy", Taxonomy):
        where = (file, loc)
        duplicates(report, ((d.id, where, ("dimensions", i, "id"))
                            for i, d in enumerate(tax.dimensions)), _("维度 id "))
        for i, dim in enumerate(tax.dimensions):
            duplicates(report, ((lab.code, where, ("dimensions", i, "labels", j, "code"))
                                for j, lab in enumerate(dim.labels)),
                       _("维度 {dim} 的标签编码").format(dim=dim.id))
            for code in dim.exclusive:
                if dim.label(code) is None:
                    report.add(where, ("dimensions", i, "exclusive"),
                               _("互斥标签 {code} 不存在").format(code=code))


def all_cases(parsed: Parsed) -> Iterator[tuple[Case, tuple[str, Any], Path_]]:
    for file, cf, loc in parsed.of("cases", CaseFile):
        for i, case in enumerate(cf.cases):
            yield case, (file, loc), ("cases", i)


def check_answer(report: Report, dim: Dimension | None, codes: tuple[str, ...],
                 where: tuple[str, Any], path: Path_) -> None:
    if dim is None:
        if "taxonomy" not in report.parsed.failed:
            report.add(where, path, _("分类维度 {dim} 不在 taxonomy.yaml 中").format(
                dim=repr(path[-1])))
        return
    for code in codes:
        if dim.label(code) is None:
            report.add(where, path, _("标签 {code} 不属于维度「{dim}」").format(
                code=repr(code), dim=dim.name))
    cardinality_problem(report, dim, codes, where, path)


def cardinality_problem(report: Report, dim: Dimension, codes: tuple[str, ...],
                        where: tuple[str, Any], path: Path_) -> None:
    if len(set(codes)) != len(codes):
        report.add(where, path, _("答案中有重复标签"))
    if dim.cardinality == "single" and len(codes) != 1:
        report.add(where, path, _("「{dim}」是单选维度,答案应恰好 1 个,实际 {count} 个").format(
            dim=dim.name, count=len(codes)))
    if dim.cardinality == "multi" and not codes:
        report.add(where, path, _("「{dim}」是多选维度,答案至少 1 个").format(dim=dim.name))
    if len(codes) > 1 and set(codes) & set(dim.exclusive):
        report.add(where, path, _("{codes} 只能单独作为答案").format(codes="/".join(dim.exclusive)))


def check_cases(report: Report) -> None:
    dims = dimensions(report.parsed)
    cases = list(all_cases(report.parsed))
    duplicates(report, ((c.id, w, (*p, "id")) for c, w, p in cases), _("案例 id "))
    for case, where, path in cases:
        for dim_id, codes in case.key.items():
            check_answer(report, dims.get(dim_id), codes, where, (*path, "key", dim_id))
        for dim_id in case.explanations:
            if dim_id not in case.key:
                report.add(where, (*path, "explanations", dim_id), _("解析对应的维度没有答案"))
        if case.kind == "complaint":
            for dim_id in COMPLAINT_DIMENSIONS:
                if dim_id not in case.key:
                    report.add(where, (*path, "key"),
                               _("投诉案例缺少维度 {dim} 的答案").format(dim=dim_id))


def all_items(parsed: Parsed, name: str) -> Iterator[tuple[Item, tuple[str, Any], Path_]]:
    for file, f, loc in parsed.of(name, ItemFile):
        for i, item in enumerate(f.items):
            yield item, (file, loc), ("items", i)


def check_items(report: Report) -> None:
    quiz, polls = list(all_items(report.parsed, "quizzes")), list(all_items(report.parsed, "polls"))
    duplicates(report, ((it.id, w, (*p, "id")) for it, w, p in quiz + polls), _("题目 id "))
    for item, where, path in quiz:
        if not item.answer:
            report.add(where, path, _("测验题缺少 answer"))
        elif item.explanation is None and not item.draft:  # a draft's gap is a note (drafts.py)
            report.add(where, path, _("测验题缺少 explanation(解析)"))
    for item, where, path in polls:
        if item.answer:
            report.add(where, (*path, "answer"), _("投票题没有标准答案,请删除 answer"))
    for item, where, path in quiz + polls:
        codes = [o.code for o in item.options]
        duplicates(report, ((c, where, (*path, "options", i)) for i, c in enumerate(codes)),
                   _("选项编码"))
        for code in item.answer or ():
            if code not in codes:
                report.add(where, (*path, "answer"),
                           _("答案 {code} 不在选项中").format(code=repr(code)))
        if item.answer and item.choice == "single" and len(item.answer) != 1:
            report.add(where, (*path, "answer"), _("单选题答案应恰好 1 个"))
