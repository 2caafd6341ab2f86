"""Bank questions → draft quiz items (plain data in the model's field order) → a YAML file."""

from __future__ import annotations

import re
import string
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from kit.content.banks.common import Bank, BankQuestion, Skipped
from kit.content.models import Item
from kit.content.problems import message_zh
from kit.content.yamlwrite import dumps, styled
from kit.i18n import N_, _

TOPIC_MAX = 40
_CATEGORY_ROOTS = {"$course$", "$system$", "$cat1$", "$module$", "top", "默认", "Default"}


@dataclass(frozen=True)
class Imported:
    items: tuple[dict[str, Any], ...]
    lines: tuple[int, ...]
    """The source line of each item."""
    notes: tuple[tuple[str, ...], ...]
    """What the designer should review in each item."""
    skipped: tuple[Skipped, ...]


def id_prefix(stem: str) -> str:
    """``bank_m3`` → ``bank_m3``; a name with no usable letters → ``bank``."""
    cleaned = re.sub(r"[^a-z0-9_-]+", "-", stem.lower()).strip("-_")
    return cleaned[:40] or "bank"


def _ids(prefix: str, taken: set[str]) -> Iterator[str]:
    n = 0
    while True:
        n += 1
        if (ident := f"{prefix}-{n:03d}") not in taken:
            yield ident


def topic(q: BankQuestion) -> str | None:
    if q.title and len(q.title) <= TOPIC_MAX:
        return q.title
    parts = [p.strip() for p in q.category.split("/") if p.strip() not in _CATEGORY_ROOTS]
    leaf = parts[-1].strip() if parts and parts[-1].strip() else ""
    return leaf[:TOPIC_MAX] or None


def explanation(q: BankQuestion, codes: list[str]) -> str | None:
    """General feedback first, then each option's feedback after its code."""
    parts = [q.feedback] if q.feedback else []
    parts += [f"选{_label(q, code, o.text)}:{o.feedback}"
              for code, o in zip(codes, q.options, strict=True) if o.feedback]
    return ";".join(parts) or None


def _label(q: BankQuestion, code: str, text: str) -> str:
    return f"“{text}”" if q.kind == "truefalse" else f" {code}"


def item_data(q: BankQuestion, ident: str, module: int) -> dict[str, Any]:
    codes = ["T", "F"] if q.kind == "truefalse" else list(string.ascii_uppercase[:len(q.options)])
    data: dict[str, Any] = {"id": ident, "module": module, "topic": topic(q), "question": q.text,
                            "choice": "multi" if q.kind == "multi" else "single",
                            "options": [{"code": c, "text": o.text}
                                        for c, o in zip(codes, q.options, strict=True)],
                            "answer": [c for c, o in zip(codes, q.options, strict=True)
                                       if o.correct],
                            "explanation": explanation(q, codes), "draft": True}
    return {k: v for k, v in data.items() if v is not None}


def to_items(bank: Bank, module: int, prefix: str, taken: set[str]) -> Imported:
    items: list[dict[str, Any]] = []
    lines: list[int] = []
    notes: list[tuple[str, ...]] = []
    skipped = list(bank.skipped)
    ids = _ids(prefix, set(taken))
    for q in bank.questions:
        if len(q.options) > len(string.ascii_uppercase):
            skipped.append(Skipped(q.line, N_("格式错误"), _("选项超过 26 个")))
            continue
        ident = next(ids)
        data = item_data(q, ident, module)
        try:
            Item.model_validate(data)
        except ValidationError as exc:
            err = exc.errors()[0]
            where = ".".join(str(p) for p in err["loc"])
            skipped.append(Skipped(q.line, N_("格式错误"), f"{where}: {message_zh(err)}"))
            continue
        items.append(data)
        lines.append(q.line)
        notes.append(q.notes)
    return Imported(tuple(items), tuple(lines), tuple(notes), tuple(sorted(skipped, key=_line)))


def _line(s: Skipped) -> int:
    return s.line


def quiz_yaml(imported: Imported, source: str) -> str:
    """The quiz file: each item after a comment naming its source line and review notes."""
    seq = CommentedSeq()
    for i, data in enumerate(imported.items):
        seq.append(CommentedMap((k, styled(k, v)) for k, v in data.items()))
        remarks = [f"导入自 {source} 第 {imported.lines[i]} 行", *imported.notes[i]]
        seq.yaml_set_comment_before_after_key(i, before="\n".join(remarks), indent=2)
    doc = CommentedMap([("schema_version", 1), ("items", seq)])
    doc.yaml_set_start_comment(f"从题库 {source} 导入的草稿题(draft: true)。\n"
                               "补上解析、核对答案后删去 draft: true,才能在活动中使用。")
    return dumps(doc)
