"""Dropdowns (openpyxl data validation) from the taxonomy and the content's own lists.

The choices live in a hidden sheet, so lists of any length work. Excel does not enforce
them on paste and a multi-label cell holds several codes, so import checks every value again;
the dropdowns only help while typing. Single-choice columns refuse other values ("stop");
multi-label columns and file names only warn ("information"), since ``C01;C03`` or a new file
name is not in any list.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from kit.content.workbook import layout as L
from kit.content.workbook.rows_out import dim_header
from kit.content.workbook.snapshot import Snapshot

MULTI_PROMPT = "可填多个,用英文分号 ; 分隔,例如 {example}"


class Dropdowns:
    """Named lists in the hidden sheet, one column each."""

    def __init__(self, ws: Any) -> None:
        self.ws = ws
        self.refs: dict[str, str] = {}

    def ref(self, name: str, values: Sequence[object]) -> str:
        if name not in self.refs:
            col = get_column_letter(len(self.refs) + 1)
            self.ws[f"{col}1"] = name
            for i, value in enumerate(values, start=2):
                self.ws[f"{col}{i}"] = value
            self.refs[name] = f"'{L.LISTS}'!${col}$2:${col}${max(len(values), 1) + 1}"
        return self.refs[name]


def add(ws: Any, headers: tuple[str, ...], header: str, count: int, formula: str,
        strict: bool = True, prompt: str = "") -> None:
    if header not in headers:
        return
    col = get_column_letter(headers.index(header) + 1)
    dv = DataValidation(type="list", formula1=formula, allow_blank=True,
                        errorStyle="stop" if strict else "information",
                        showErrorMessage=True, showInputMessage=bool(prompt),
                        error="请从下拉列表中选择" if strict else "不在列表中:导入时会再检查",
                        prompt=prompt or None)
    ws.add_data_validation(dv)
    dv.add(f"{col}2:{col}{count + 1 + L.SPARE_ROWS}")


def _files(snap: Snapshot, kind: str) -> list[str]:
    placed = snap.cases if kind == "cases" else snap.quizzes
    return list(dict.fromkeys(p.file.removeprefix(f"{kind}/") for p in placed))


def case_dropdowns(ws: Any, headers: tuple[str, ...], count: int, lists: Dropdowns,
                   snap: Snapshot) -> None:
    add(ws, headers, "文件", count, lists.ref("案例文件", _files(snap, "cases")), False,
        "已有文件之一;写新文件名(如 new_cases.yaml)则新建文件")
    add(ws, headers, "类型", count, lists.ref("案例类型", list(L.CASE_KINDS.values())))
    add(ws, headers, "难度", count, lists.ref("难度", [1, 2, 3]), prompt="1 入门 · 2 进阶 · 3 挑战")
    add(ws, headers, "模块", count, lists.ref("模块", list(range(1, 8))), False,
        MULTI_PROMPT.format(example="3;5"))
    for dim in snap.taxonomy.dimensions:
        formula = lists.ref(f"维度 {dim.id}", list(dim.codes))
        if dim.cardinality == "single":
            add(ws, headers, dim_header(dim), count, formula, prompt=f"单选:{dim.name}")
        else:
            example = sep_example(dim.codes)
            add(ws, headers, dim_header(dim), count, formula, False,
                f"多选:{dim.name}。" + MULTI_PROMPT.format(example=example))


def sep_example(codes: tuple[str, ...]) -> str:
    return L.SEP.join(codes[1:3] or codes[:1])


def other_dropdowns(ws: Any, headers: tuple[str, ...], count: int, lists: Dropdowns,
                    snap: Snapshot) -> None:
    add(ws, headers, "文件", count, lists.ref("测验文件", _files(snap, "quizzes")), False,
        "已有文件之一;写新文件名(如 m3_quiz.yaml)则新建文件")
    add(ws, headers, "模块", count, lists.ref("模块", list(range(1, 8))))
    add(ws, headers, "题型", count, lists.ref("题型", [*L.CHOICES.values(), L.TRUE_FALSE]),
        prompt="判断题不填选项,答案填“正确”或“错误”")
    for flag in ("草稿", "正则"):
        add(ws, headers, flag, count, lists.ref("是", [L.YES, L.NO]))
    add(ws, headers, "选择方式", count, lists.ref("选择方式", list(L.CHOICES.values())))
    add(ws, headers, "维度", count,
        lists.ref("维度 id", [d.id for d in snap.taxonomy.dimensions]), False)
    add(ws, headers, "类型", count, lists.ref("规则类型", list(L.RULE_KINDS.values())))
    add(ws, headers, "级别", count, lists.ref("级别", list(L.SEVERITIES.values())))
    add(ws, headers, "适用模板", count, lists.ref("模板", [t.id for t in snap.templates]), False,
        MULTI_PROMPT.format(example="handling-plan;media-threat"))
    add(ws, headers, "答案", count, lists.ref("答案示例", list(L.OPTION_LETTERS[:6])), False,
        "选项字母,多选用 ; 分隔(如 A;C);判断题填“正确”或“错误”")
