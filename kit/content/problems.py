"""Validation problems, reported as ``file:line: key: message`` in Chinese."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

_MESSAGES = {
    "missing": "缺少必填字段",
    "extra_forbidden": "不认识的字段(是否拼写错误?)",
    "string_type": "应为文本",
    "int_type": "应为整数",
    "int_parsing": "应为整数",
    "int_from_float": "应为整数",
    "bool_type": "应为 true 或 false",
    "bool_parsing": "应为 true 或 false",
    "list_type": "应为列表",
    "tuple_type": "应为列表",
    "dict_type": "应为键值映射",
    "model_type": "应为键值映射",
    "string_too_short": "不能为空",
    "union_tag_not_found": "缺少 kind 字段",
}


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    key: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.key}: {self.message}"


def key_text(path: Sequence[str | int]) -> str:
    """``("cases", 0, "key")`` → ``cases[0].key``."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(文件)"


def message_zh(err: Any) -> str:
    kind, ctx = err["type"], err.get("ctx") or {}
    if kind in _MESSAGES:
        return _MESSAGES[kind]
    if kind == "literal_error":
        expected = str(ctx.get("expected", "")).replace(" or ", ", ")
        return f"取值应为 {expected} 之一,实际为 {err.get('input')!r}"
    if kind == "value_error":
        return str(ctx.get("error", err.get("msg", "")))
    if kind == "union_tag_invalid":
        return f"kind 取值应为 {ctx.get('expected_tags', '')},实际为 {ctx.get('tag')!r}"
    if kind == "string_pattern_mismatch":
        return f"格式不符合要求(应匹配 {ctx.get('pattern')}),实际为 {err.get('input')!r}"
    if kind == "string_too_long":
        return f"过长,最多 {ctx.get('max_length')} 个字符"
    if kind == "too_short":
        return f"至少需要 {ctx.get('min_length')} 项"
    if kind == "too_long":
        return f"最多 {ctx.get('max_length')} 项"
    if kind in ("greater_than_equal", "less_than_equal"):
        word = "不小于" if kind == "greater_than_equal" else "不大于"
        bound = ctx.get("ge", ctx.get("le"))
        return f"应{word} {bound},实际为 {err.get('input')!r}"
    return f"格式不正确({err.get('msg', kind)})"


def from_validation(file: str, exc: ValidationError, line_of: Any) -> list[Problem]:
    """Turn a pydantic error into one Problem per error, each with its line."""
    problems = []
    errors = exc.errors()
    for err in errors:
        if err["type"] == "too_short" and _has_inner(err["loc"], errors):
            continue  # a failing item also makes its list "too short": report the item only
        loc = [p for p in err["loc"] if not _is_tag(p)]
        problems.append(Problem(file, line_of(loc), key_text(loc), message_zh(err)))
    return problems


_TAGS = {"classify", "quiz", "poll", "draft", "peer_review", "roleplay"}


def _is_tag(part: Any) -> bool:
    return isinstance(part, str) and part in _TAGS


def _has_inner(loc: tuple[Any, ...], errors: list[Any]) -> bool:
    return any(len(e["loc"]) > len(loc) and e["loc"][: len(loc)] == loc for e in errors)
