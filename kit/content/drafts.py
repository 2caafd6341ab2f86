"""Draft quiz items: what ``kit validate`` asks the designer to finish.

A bank import (``kit content import-bank``) marks every item ``draft: true``. A draft is
content that is not used yet: it may lack its explanation without failing validation, so
``make serve`` keeps working while a bank is being reviewed. Two rules make drafts visible
and keep them away from trainees:

- every draft is listed as a note (``文件:行号: 字段: 说明``) saying what is missing;
- an activity that uses a draft is an error (see ``checks_refs``), so a draft never reaches a
  trainee screen until the designer completes it and deletes ``draft: true``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from kit.content.models import Item, ItemFile
from kit.content.problems import Problem, key_text
from kit.i18n import _

FILES = ("quizzes/*.yaml", "polls.yaml")


def _missing(item: Item, quiz: bool) -> list[str]:
    needs = []
    if quiz and not item.answer:
        needs.append(_("answer(标准答案)"))
    if quiz and item.explanation is None:
        needs.append(_("explanation(解析)"))
    return needs


def _note(item: Item, quiz: bool) -> str:
    needs = _missing(item, quiz)
    if needs:
        return _("草稿题 {item} 待完成:请补上 {needs},审核后删去 draft: true").format(
            item=item.id, needs=_("、").join(needs))
    return _("草稿题 {item} 已齐全:审核题干、选项与答案后删去 draft: true,即可用于活动").format(
        item=item.id)


def _drafts(root: Path) -> Iterator[tuple[str, int, Item, int, bool]]:
    from kit.content.loader import parse_file

    for pattern in FILES:
        for path in sorted(root.glob(pattern)):
            model, _, loc = parse_file(root, path, ItemFile)
            if not isinstance(model, ItemFile):
                continue  # its errors come from the full check
            rel = path.relative_to(root).as_posix()
            for i, item in enumerate(model.items):
                if item.draft:
                    line = loc.line(("items", i, "draft"))
                    yield rel, i, item, line, pattern != "polls.yaml"


def draft_notes(root: Path) -> list[Problem]:
    """One note per draft item, at its ``draft:`` line."""
    return [Problem(rel, line, key_text(("items", i, "draft")), _note(item, quiz))
            for rel, i, item, line, quiz in _drafts(root)]
