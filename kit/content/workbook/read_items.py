"""The 测验题 and 投票题 sheets → quiz items and polls, answers checked at their cells."""

from __future__ import annotations

from typing import Any

from kit.content.models import Item
from kit.content.workbook import layout as L
from kit.content.workbook.cells import Problems, Row
from kit.content.workbook.readers import Loc, Read, file_of, validated
from kit.content.workbook.sheets import rows
from kit.i18n import _

FIELDS = {"id": "id", "module": "模块", "topic": "主题", "question": "题干", "choice": "题型",
          "answer": "答案", "explanation": "解析", "source": "出处", "draft": "草稿"}
TRUE_WORDS = {"T": ("T", "TRUE", "正确", "对", "是"), "F": ("F", "FALSE", "错误", "错", "否")}
CHOICE_SHOWN = {**L.CHOICES, "truefalse": L.TRUE_FALSE}


def _known(quiz: bool) -> Any:
    fixed = set(L.item_headers(len(L.OPTION_LETTERS), quiz))
    return fixed.__contains__


def _options(row: Row, tf: bool) -> list[dict[str, str]]:
    filled = [(c, row.text(L.option_header(c))) for c in L.OPTION_LETTERS]
    if tf:
        for code, text in filled:
            if text:
                row.fail(L.option_header(code), _("判断题不填选项(选项固定为“正确”“错误”)"))
        return [{"code": c, "text": t} for c, t in L.TF_OPTIONS]
    last = max((i for i, (_, t) in enumerate(filled) if t), default=-1)
    for code, text in filled[:last + 1]:
        if not text:
            row.fail(L.option_header(code), _("选项之间不能留空:请把后面的选项前移"))
    return [{"code": c, "text": t} for c, t in filled[:last + 1] if t]


def _answer(row: Row, tf: bool, codes: list[str]) -> tuple[str, ...] | None:
    raw = row.text("答案")
    if raw is None:
        return None
    if tf:
        found = [c for c, words in TRUE_WORDS.items() if raw.upper() in words]
        if not found:
            row.fail("答案", _("判断题的答案应为“正确”或“错误”,实际为 {actual}").format(
                actual=repr(raw)))
        return tuple(found) or None
    parts = row.codes("答案")
    if len(parts) == 1 and len(parts[0]) > 1 and all(len(c) == 1 for c in codes):
        parts = tuple(parts[0])  # "ABD" as typed in many banks
    return parts


def _data(row: Row, quiz: bool) -> dict[str, Any]:
    choice = row.choice("题型", CHOICE_SHOWN)
    tf = choice == "truefalse"
    options = _options(row, tf)
    data: dict[str, Any] = {
        "id": row.text("id"), "module": row.integer("模块"), "topic": row.text("主题"),
        "question": row.text("题干"), "choice": "single" if tf else choice,
        "options": options, "answer": None, "explanation": row.text("解析"),
        "source": row.text("出处"), "draft": row.flag("草稿")}
    if quiz:
        data["answer"] = _answer(row, tf, [o["code"] for o in options])
    return data


def header_of(loc: Loc) -> str:
    if len(loc) >= 2 and loc[0] == "options" and isinstance(loc[1], int):
        return L.option_header(L.OPTION_LETTERS[loc[1]]) if loc[1] < len(L.OPTION_LETTERS) \
            else "题型"
    return FIELDS.get(str(loc[0]), "id") if loc else "id"


def check(row: Row, item: Item, quiz: bool) -> None:
    codes = [o.code for o in item.options]
    if quiz and not item.answer:
        row.fail("答案", _("测验题必须填写答案"))
    for code in item.answer or ():
        if code not in codes:
            row.fail("答案", _("答案 {code} 不在选项中(选项:{options})").format(
                code=repr(code), options="、".join(codes)))
    if item.answer and item.choice == "single" and len(item.answer) != 1:
        row.fail("答案", _("单选题只能有 1 个答案,实际 {count} 个").format(count=len(item.answer)))
    if quiz and item.explanation is None and not item.draft:
        row.fail("解析", _("测验题必须填写解析(未完成的题请在“草稿”列填“是”)"))


def read_items(ws: Any, problems: Problems, quiz: bool) -> list[Read[Item]]:
    sheet = L.QUIZ if quiz else L.POLLS
    required = ("文件", "id", "题型", "题干") if quiz else ("id", "题型", "题干")
    out = []
    for row in rows(ws, sheet, _known(quiz), required, problems):
        file = file_of(row, "quizzes") if quiz else "polls.yaml"
        item = validated(row, Item, _data(row, quiz), header_of)
        if item is not None and file is not None:
            check(row, item, quiz)
            out.append(Read(row, item, file))
    return out
