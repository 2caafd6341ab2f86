"""Writing content YAML the way the shipped files are written, comments and order kept.

ruamel.yaml's round-trip mode keeps comments, key order, flow lists (``[P1, C03]``), flow
option maps (``{code: A, text: …}``) and ``|`` blocks of the shipped files: loading and dumping
any of them unchanged gives the same bytes (``tests/content/test_workbook.py`` checks this on
whatever ``data/`` holds). New values are styled like their neighbours through :func:`styled`.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import LiteralScalarString

#: Lists written inline, as the shipped files write codes, ids and module numbers.
FLOW_LISTS = frozenset({"modules", "answer", "applies_to", "sections", "exclusive"})
#: Mappings whose values are flow lists (a case's key: ``problem: [P1]``).
FLOW_VALUES = frozenset({"key"})
#: Texts written as ``|`` blocks (as is any text with a line break).
BLOCKS = frozenset({"narrative"})


def yaml() -> YAML:
    out = YAML()
    out.width = 4096  # never fold a long Chinese line
    out.indent(mapping=2, sequence=4, offset=2)
    out.preserve_quotes = True
    return out


def load(path: Path) -> Any:
    return yaml().load(path.read_text("utf-8"))


def dumps(data: Any) -> str:
    buf = io.StringIO()
    yaml().dump(data, buf)
    return buf.getvalue()


def flow(items: list[Any]) -> CommentedSeq:
    seq = CommentedSeq(items)
    seq.fa.set_flow_style()
    return seq


def styled(key: str, value: Any) -> Any:
    """``value`` (plain data) as the shipped files would write the field ``key``."""
    if isinstance(value, str) and (key in BLOCKS or "\n" in value):
        return LiteralScalarString(value.rstrip("\n") + ("\n" if key in BLOCKS else ""))
    if key in FLOW_LISTS and isinstance(value, list | tuple):
        return flow(list(value))
    if key == "options" and isinstance(value, list | tuple):
        return CommentedSeq([_flow_map(o) for o in value])
    if key in FLOW_VALUES and isinstance(value, Mapping):
        return CommentedMap((k, flow(list(v))) for k, v in value.items())
    if isinstance(value, Mapping):
        return CommentedMap((k, styled(str(k), v)) for k, v in value.items())
    if isinstance(value, list | tuple):
        return CommentedSeq([styled("", v) for v in value])
    return value


def _flow_map(value: Mapping[str, Any]) -> CommentedMap:
    out = CommentedMap(value)
    out.fa.set_flow_style()
    return out
