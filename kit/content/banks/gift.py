"""Moodle GIFT: multiple choice, multiple answers and true/false; other types are listed.

The subset follows Moodle's ``question/format/gift/format.php`` (read, not copied):

- questions are separated by blank lines; a line whose text starts with ``//`` is a comment;
- ``$CATEGORY: path`` sets the category of the questions after it;
- ``::title::`` names a question; ``[html]``, ``[moodle]``, ``[plain]``, ``[markdown]`` set the
  text format (HTML is reduced to its text);
- the answers are between the first ``{`` and the first ``}``; text after the ``}`` makes a
  "missing word" question, the answers' place shown as ``_____``;
- ``\\~ \\= \\# \\{ \\} \\:`` are literal characters, ``\\n`` a line break, ``\\\\`` a backslash;
- in the answers, ``####`` starts the general feedback; ``#`` after an answer its feedback;
- ``~`` marks a wrong answer, ``=`` the right one; ``~%50%`` a weighted answer. With no ``=``
  the question has several right answers (those with a positive weight);
- ``{T}``/``{TRUE}``/``{F}``/``{FALSE}``, then ``#feedback if wrong#feedback if right``.

Not imported, each listed with its line: essay ``{}``, numerical ``{#…}``, matching
``{=a -> b}``, short answer ``{=a =b}`` and text without answers (a description).
"""

from __future__ import annotations

import re

from kit.content.banks.common import Bank, BankOption, BankQuestion, Kind, Skipped, check_size
from kit.content.banks.gift_text import Block, blocks, plain, protect
from kit.i18n import N_, _

_WEIGHT = re.compile(r"^%(-?\d{1,3}(?:\.\d+)?)%")
_TRUE, _FALSE = ("T", "TRUE"), ("F", "FALSE")


class Unsupported(Exception):
    def __init__(self, kind: str, reason: str) -> None:
        super().__init__(reason)
        self.kind, self.reason = kind, reason


def parse_gift(source: str) -> Bank:
    check_size(source)
    questions: list[BankQuestion] = []
    skipped: list[Skipped] = []
    category = ""
    for block in blocks(source.lstrip("\ufeff")):
        text = protect(block.text)
        if text.startswith("$CATEGORY:"):
            first, _, rest = text.partition("\n")
            category = plain(first[len("$CATEGORY:"):])
            if not rest.strip():
                continue
            block, text = Block(block.line + 1, rest), rest
        try:
            questions.append(question(block.line, text, category))
        except Unsupported as exc:
            skipped.append(Skipped(block.line, exc.kind, exc.reason))
    return Bank(tuple(questions), tuple(skipped))


def question(line: int, text: str, category: str) -> BankQuestion:
    title, text = _title(text)
    start, end = text.find("{"), text.find("}")
    if start < 0 and end < 0:
        raise Unsupported(N_("说明文字"), _("没有答案部分 {…},不是题目"))
    if start < 0 or end < start:
        raise Unsupported(N_("格式错误"), _("花括号 { } 不成对;文字中的花括号请写成 \\{ \\}"))
    answers = text[start + 1:end].strip()
    stem = text[:start] + ("" if text.rstrip().endswith("}") else "_____") + text[end + 1:]
    answers, general = _general(answers)
    kind, options, notes = _answers(answers)
    return BankQuestion(line, kind, plain(stem), options, title, category, plain(general), notes)


def _title(text: str) -> tuple[str, str]:
    if text.startswith("::"):
        name, sep, rest = text[2:].partition("::")
        if sep:
            return plain(name), rest.strip()
    return "", text


def _general(answers: str) -> tuple[str, str]:
    cut = answers.rfind("####")
    return (answers, "") if cut < 0 else (answers[:cut].strip(), answers[cut + 4:])


def _answers(answers: str) -> tuple[Kind, tuple[BankOption, ...], tuple[str, ...]]:
    if not answers:
        raise Unsupported(N_("问答题"), _("不能导入问答题(空的 {})"))
    if answers.startswith("#"):
        raise Unsupported(N_("数值题"), _("不能导入数值题({#…})"))
    if "~" in answers:
        return _choice(answers)
    if "=" in answers and "->" in answers:
        raise Unsupported(N_("匹配题"), _("不能导入匹配题(=… -> …)"))
    if answers.split("#", 1)[0].strip() in _TRUE + _FALSE:
        return "truefalse", _truefalse(answers), ()
    raise Unsupported(N_("简答题"), _("不能导入简答题(只有 = 的答案)"))


def _truefalse(answers: str) -> tuple[BankOption, ...]:
    parts = [*answers.split("#", 2), "", ""]
    truth = parts[0].strip() in _TRUE
    wrong, right = plain(parts[1]), plain(parts[2])
    return (BankOption("正确", truth, right if truth else wrong),
            BankOption("错误", not truth, wrong if truth else right))


def _choice(answers: str) -> tuple[Kind, tuple[BankOption, ...], tuple[str, ...]]:
    single = "=" in answers
    raw = [a.strip() for a in answers.replace("=", "~=").split("~")]
    raw = raw[1:] if not raw[0] else raw
    if len(raw) < 2:
        raise Unsupported(N_("格式错误"), _("选择题至少需要两个选项"))
    weighted = [_option(a) for a in raw]
    weights = [w for w, _, _ in weighted]
    if single and weights.count(1.0) != 1:
        raise Unsupported(N_("单选题"), _("有多个满分(=)选项;这里的单选题只能有一个正确答案"))
    if not single and not any(w > 0 for w in weights):
        raise Unsupported(N_("格式错误"), _("多选题没有权重为正的正确选项"))
    options = tuple(BankOption(text, w == 1.0 if single else w > 0, fb)
                    for w, text, fb in weighted)
    return ("single" if single else "multi"), options, _weight_notes(single, weights)


def _weight_notes(single: bool, weights: list[float]) -> tuple[str, ...]:
    if single and any(0 < w < 1 for w in weights):
        return ("部分得分(%…%)未导入:只有 = 标出的选项算对",)
    if not single and len({w for w in weights if w > 0}) > 1:
        return ("各选项权重不同,未导入:多选题按“交集 ÷ 并集”计分",)
    return ()


def _option(answer: str) -> tuple[float, str, str]:
    """(weight, text, feedback) of one answer: ``=`` is 1, ``%50%`` is 0.5, else 0."""
    weight = 0.0
    if answer.startswith("="):
        weight, answer = 1.0, answer[1:]
    elif found := _WEIGHT.match(answer):
        weight, answer = float(found.group(1)) / 100, answer[found.end():]
    text, _, feedback = answer.partition("#")
    return weight, plain(text), plain(feedback)
