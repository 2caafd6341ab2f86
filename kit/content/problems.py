"""Validation problems, reported as ``file:line: key: message`` in Chinese."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from kit.i18n import N_, _

_MESSAGES = {
    "missing": N_("缺少必填字段"),
    "extra_forbidden": N_("不认识的字段(是否拼写错误?)"),
    "string_type": N_("应为文本"),
    "int_type": N_("应为整数"),
    "int_parsing": N_("应为整数"),
    "int_from_float": N_("应为整数"),
    "bool_type": N_("应为 true 或 false"),
    "bool_parsing": N_("应为 true 或 false"),
    "list_type": N_("应为列表"),
    "tuple_type": N_("应为列表"),
    "dict_type": N_("应为键值映射"),
    "model_type": N_("应为键值映射"),
    "string_too_short": N_("不能为空"),
    "union_tag_not_found": N_("缺少 kind 字段"),
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
    return out or _("(文件)")


def message_zh(err: Any) -> str:
    kind, ctx = err["type"], err.get("ctx") or {}
    if kind in _MESSAGES:
        return _(_MESSAGES[kind])
    if kind == "literal_error":
        expected = str(ctx.get("expected", "")).replace(" or ", ", ")
        return _("取值应为 {expected} 之一,实际为 {actual}").format(
            expected=expected, actual=repr(err.get("input")))
    if kind == "value_error":
        return str(ctx.get("error", err.get("msg", "")))
    if kind == "union_tag_invalid":
        return _("kind 取值应为 {expected},实际为 {actual}").format(
            expected=ctx.get("expected_tags", ""), actual=repr(ctx.get("tag")))
    if kind == "string_pattern_mismatch":
        return _("格式不符合要求(应匹配 {pattern}),实际为 {actual}").format(
            pattern=ctx.get("pattern"), actual=repr(err.get("input")))
    if kind == "string_too_long":
        return _("过长,最多 {count} 个字符").format(count=ctx.get("max_length"))
    if kind == "too_short":
        return _("至少需要 {count} 项").format(count=ctx.get("min_length"))
    if kind == "too_long":
        return _("最多 {count} 项").format(count=ctx.get("max_length"))
    if kind in ("greater_than_equal", "less_than_equal"):
        text = _("应不小于 {bound},实际为 {actual}") if kind == "greater_than_equal" \
            else _("应不大于 {bound},实际为 {actual}")
        return text.format(bound=ctx.get("ge", ctx.get("le")), actual=repr(err.get("input")))
    return _("格式不正确({detail})").format(detail=err.get("msg", kind))


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
