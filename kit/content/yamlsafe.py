"""Safe YAML reading that keeps line numbers and refuses hostile input.

PyYAML's ``compose`` gives a node tree with marks; we build plain data from it and keep a
``Locator`` that maps a key path back to the 1-based line where it was written.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from kit.i18n import N_, _

MAX_BYTES = 2 * 1024 * 1024
MAX_NODES = 200_000


class ContentError(Exception):
    """A problem that stops a file from being read at all."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


class _NoAliasLoader(yaml.SafeLoader):
    nodes = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark  # type: ignore[no-untyped-call]
            raise ContentError(mark.line + 1, _("不允许使用 YAML 别名(*),请直接写出内容"))
        self.nodes += 1
        if self.nodes > MAX_NODES:
            mark = self.peek_event().start_mark  # type: ignore[no-untyped-call]
            raise ContentError(mark.line + 1, _("文件结构过大"))
        return super().compose_node(parent, index)


@dataclass(frozen=True)
class Locator:
    """Finds the line of a key path such as ``("cases", 0, "key")`` in one file."""

    root: yaml.Node | None

    def line(self, path: Sequence[str | int]) -> int:
        node = self.root
        if node is None:
            return 1
        for part in path:
            # Unknown parts (a missing key, a union tag in a pydantic path) keep the parent.
            node = _child(node, part) or node
        return node.start_mark.line + 1


def _child(node: yaml.Node, part: str | int) -> yaml.Node | None:
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int):
        return node.value[part] if 0 <= part < len(node.value) else None
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if str(key.value) == str(part):
                return value  # type: ignore[no-any-return]
    return None


_YAML_ZH = (
    ("found character '\\t'", N_("含有制表符(Tab),请改用空格缩进")),
    ("mapping values are not allowed", N_("此处不能出现“键: 值”,请检查缩进或冒号")),
    ("expected <block end>", N_("缩进不一致")),
    ("could not find expected ':'", N_("缺少冒号“:”")),
    ("found unexpected end of stream", N_("文件意外结束,引号或括号可能未闭合")),
    ("expected ',' or ']'", N_("方括号列表未闭合或缺少逗号")),
    ("expected ',' or '}'", N_("花括号映射未闭合或缺少逗号")),
    ("found duplicate anchor", N_("锚点重复")),
)


def _syntax_zh(problem: str) -> str:
    zh = next((_(text) for key, text in _YAML_ZH if key in problem), "")
    return _("{hint}({detail})").format(hint=zh, detail=problem) if zh else problem


def read_yaml(path: Path) -> tuple[Any, Locator]:
    """Read one YAML file safely; raise ``ContentError`` with a Chinese message."""
    raw = path.read_bytes()
    if len(raw) > MAX_BYTES:
        raise ContentError(1, _("文件过大({size} KB),上限 {limit} KB").format(
            size=len(raw) // 1024, limit=MAX_BYTES // 1024))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ContentError(1, _("文件不是 UTF-8 编码")) from exc
    loader = _NoAliasLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        detail = _syntax_zh(str(exc.problem or exc.context))
        raise ContentError(line, _("YAML 语法错误:{detail}").format(detail=detail)) from exc
    finally:
        loader.dispose()
    return data, Locator(node)
