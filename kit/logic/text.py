"""Cleaning what people type: names, free text, limits. Pure functions."""

from __future__ import annotations

import re
import unicodedata

NAME_MAX = 20
DRAFT_MAX = 100_000
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class InputProblem(ValueError):
    """Bad input, with a message for the trainee in Chinese."""


def clean_name(raw: str) -> str:
    """Normalise a display name or staff ID; raise ``InputProblem`` if it cannot be used."""
    name = " ".join(unicodedata.normalize("NFKC", raw or "").split())
    name = _CONTROL.sub("", name)
    if not name:
        raise InputProblem("请输入姓名或工号")
    if len(name) > NAME_MAX:
        raise InputProblem(f"姓名或工号不超过 {NAME_MAX} 个字,当前 {len(name)} 个字")
    return name


def clean_staff_id(raw: str) -> str:
    """An optional staff ID: letters, digits and dashes, at most 20."""
    staff = unicodedata.normalize("NFKC", raw or "").strip()
    if staff and not re.fullmatch(r"[A-Za-z0-9-]{1,20}", staff):
        raise InputProblem("工号只能包含字母、数字和短横线,最多 20 位")
    return staff


def name_key(name: str) -> str:
    return name.casefold()


def clean_text(raw: str, limit: int = DRAFT_MAX) -> str:
    """Keep the text as typed (emoji and rare characters included) minus control characters."""
    text = _CONTROL.sub("", (raw or "").replace("\r\n", "\n"))
    if len(text) > limit:
        raise InputProblem(f"内容超过 {limit:,} 字的上限(当前 {len(text):,} 字),请精简后再提交")
    return text


def is_blank(text: str) -> bool:
    return not unicodedata.normalize("NFKC", text or "").strip()
