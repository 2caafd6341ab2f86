"""Moodle XML: ``multichoice`` and ``truefalse`` questions, through the standard library.

``xml.sax`` (expat) reads the file with a locator, so every question keeps its line number.
External entities are off and a file with a DTD is refused outright (no entity expansion).
The text of ``format="html"`` (and of Moodle's auto format when it holds tags) is reduced to
its visible text. Categories set the topic of the questions after them; every other type
(``shortanswer``, ``essay``, ``matching``, ``numerical``, ``cloze``, …) is listed, not imported.
"""

from __future__ import annotations

from kit.content.banks.common import (
    Bank,
    BankOption,
    BankQuestion,
    Kind,
    Skipped,
    check_size,
    html_to_text,
    looks_like_html,
)
from kit.content.banks.xmltree import Node, read_tree
from kit.i18n import N_, _

TYPES = {"shortanswer": N_("简答题"), "essay": N_("问答题"), "matching": N_("匹配题"),
         "numerical": N_("数值题"), "cloze": N_("完形填空题"), "description": N_("说明文字"),
         "calculated": N_("计算题"), "ddwtos": N_("拖放题"), "gapselect": N_("下拉填空题")}


def _text(node: Node | None) -> str:
    if node is None:
        return ""
    raw = node.value("text")
    fmt = node.attrs.get("format", "html")
    if fmt == "html" or (fmt == "moodle_auto_format" and looks_like_html(raw)):
        return html_to_text(raw).text
    return raw


def parse_moodle_xml(source: str) -> Bank:
    check_size(source)
    root = read_tree(source.lstrip("\ufeff"))
    quiz = root.find("quiz")
    if quiz is None:
        raise ValueError(_("不是 Moodle XML 题库:最外层应为 <quiz>"))
    questions: list[BankQuestion] = []
    skipped: list[Skipped] = []
    category = ""
    for node in quiz.all("question"):
        kind = node.attrs.get("type", "")
        if kind == "category":
            category = node.value("category", "text")
        elif kind in ("multichoice", "truefalse"):
            _add(node, category, questions, skipped)
        else:
            name = TYPES.get(kind) or _("{kind}类型").format(kind=kind or _("未注明"))
            skipped.append(Skipped(node.line, name, _("不能导入 {kind} 题").format(
                kind=kind or _("未注明类型"))))
    return Bank(tuple(questions), tuple(skipped))


def _add(node: Node, category: str, out: list[BankQuestion], skipped: list[Skipped]) -> None:
    try:
        out.append(_question(node, category))
    except ValueError as exc:
        skipped.append(Skipped(node.line, N_("格式错误"), str(exc)))


def _question(node: Node, category: str) -> BankQuestion:
    answers = [(_fraction(a), _text(a), _text(a.find("feedback"))) for a in node.all("answer")]
    if len(answers) < 2:
        raise ValueError(_("选择题至少需要两个选项"))
    text, title = _text(node.find("questiontext")), node.value("name", "text")
    general, notes = _text(node.find("generalfeedback")), tuple[str, ...]()
    if node.attrs["type"] == "truefalse":
        truth = next((f > 0 for f, t, _ in answers if t.lower() == "true"), True)
        fb = {t.lower(): f for _, t, f in answers}
        pair = (BankOption("正确", truth, fb.get("true", "")),
                BankOption("错误", not truth, fb.get("false", "")))
        return BankQuestion(node.line, "truefalse", text, pair, title, category, general)
    single = node.value("single").lower() in ("true", "1")
    if single and sum(f >= 100 for f, _, _ in answers) != 1:
        raise ValueError(_("单选题应恰好有一个 fraction=100 的选项"))
    if single and any(0 < f < 100 for f, _, _ in answers):
        notes = ("部分得分未导入:只有 fraction=100 的选项算对",)
    options = tuple(BankOption(t, f >= 100 if single else f > 0, fb) for f, t, fb in answers)
    if not any(o.correct for o in options):
        raise ValueError(_("没有正确选项(fraction 为正)"))
    kind: Kind = "single" if single else "multi"
    return BankQuestion(node.line, kind, text, options, title, category, general, notes)


def _fraction(answer: Node) -> float:
    try:
        return float(answer.attrs.get("fraction", "0"))
    except ValueError as exc:
        raise ValueError(_("fraction 不是数字:{value}").format(
            value=repr(answer.attrs.get("fraction")))) from exc
