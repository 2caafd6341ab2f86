"""Where ruamel.yaml keeps what follows an entry (a blank line, a comment), and how to keep it
in place when an entry is appended after the last one."""

from __future__ import annotations

import copy
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

Slot = tuple[Any, Any, int]


def _slot(node: Any) -> Slot | None:
    """Where ruamel keeps the comment (blank lines too) that follows ``node``."""
    if isinstance(node, CommentedMap) and node and not node.fa.flow_style():
        key = list(node)[-1]
        return _slot(node[key]) or (node, key, 2)
    if isinstance(node, CommentedSeq) and node and not node.fa.flow_style():
        return _slot(node[-1]) or (node, len(node) - 1, 0)
    return None


def _get(node: Any) -> Any:
    slot = _slot(node)
    return slot[0].ca.items.get(slot[1], [None] * 4)[slot[2]] if slot else None


def _set(node: Any, token: Any) -> None:
    slot = _slot(node)
    if slot is not None:
        slot[0].ca.items.setdefault(slot[1], [None] * 4)[slot[2]] = token


def append(seq: CommentedSeq, node: CommentedMap) -> None:
    """Append after the last entry: what followed it now follows ``node``; a blank line
    between entries, if the list has them, also goes between the last entry and ``node``."""
    if not seq:
        seq.append(node)
        return
    last, tail = seq[-1], _get(seq[-1])
    gap = _get(seq[-2]) if len(seq) > 1 else None
    _set(last, copy.copy(gap) if gap is not None and not gap.value.strip() else None)
    seq.append(node)
    _set(node, tail)
