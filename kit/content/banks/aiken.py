"""Aiken: one question, its options ``A.`` or ``A)``, then ``ANSWER: X``.

As in Moodle's Aiken format, an option line is a capital letter, ``.`` or ``)``, a space and
the text; ``ANSWER:`` names the right letter. Also accepted, because Chinese banks are typed
that way: ``A、`` / ``A．`` / ``A）`` and a full-width colon ``ANSWER：``. The question text may
span several lines. Aiken has no feedback: imported items need an explanation before use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kit.content.banks.common import Bank, BankOption, BankQuestion, Skipped, check_size
from kit.i18n import N_, _

_OPTION = re.compile(r"^([A-Z])\s*[.)、．）]\s*(.+)$")
_ANSWER = re.compile(r"^ANSWER\s*[:：]\s*(.*)$", re.IGNORECASE)


@dataclass
class _Pending:
    line: int
    text: list[str] = field(default_factory=list)
    options: list[tuple[str, str]] = field(default_factory=list)


def parse_aiken(source: str) -> Bank:
    check_size(source)
    questions: list[BankQuestion] = []
    skipped: list[Skipped] = []
    pending: _Pending | None = None
    for number, raw in enumerate(source.lstrip("\ufeff").splitlines(), start=1):
        line = raw.strip()
        answer, option = _ANSWER.match(line), _OPTION.match(line)
        if not line:
            continue
        if answer and pending is not None:
            _finish(pending, answer.group(1).strip(), questions, skipped)
            pending = None
        elif answer:
            skipped.append(Skipped(number, N_("格式错误"), _("ANSWER 之前没有题干和选项")))
        elif option and pending is not None and pending.text:
            pending.options.append((option.group(1), option.group(2).strip()))
        elif pending is not None and pending.options:
            skipped.append(Skipped(pending.line, N_("格式错误"), _("缺少 ANSWER: 行")))
            pending = _Pending(number, [line])
        elif pending is not None:
            pending.text.append(line)
        else:
            pending = _Pending(number, [line])
    if pending is not None:
        skipped.append(Skipped(pending.line, N_("格式错误"), _("缺少 ANSWER: 行")))
    return Bank(tuple(questions), tuple(skipped))


def _finish(p: _Pending, letter: str, out: list[BankQuestion], skipped: list[Skipped]) -> None:
    letters = [code for code, _ in p.options]
    if len(p.options) < 2:
        skipped.append(Skipped(p.line, N_("格式错误"), _("选择题至少需要两个选项")))
    elif letter not in letters:
        skipped.append(Skipped(p.line, N_("格式错误"), _("答案 {letter} 不是选项字母之一").format(
            letter=repr(letter))))
    elif len(set(letters)) != len(letters):
        skipped.append(Skipped(p.line, N_("格式错误"), _("选项字母重复")))
    else:
        options = tuple(BankOption(text, code == letter) for code, text in p.options)
        out.append(BankQuestion(p.line, "single", "\n".join(p.text), options))
