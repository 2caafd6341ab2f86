"""Twee 3, Twine's text format: passages with a header line ``:: name [tags] {metadata}``.

A small reader and writer following the Twee 3 specification (iftechfoundation/twine-specs,
``twee-3-specification.md``): a header starts with ``::``; the name, the tag block and the JSON
metadata block follow, in that order; ``[ ] { }`` and ``\\`` in names and tags are escaped with a
backslash, and any escaped character decodes to itself; content runs to the next header, and
trailing blank lines are dropped. Metadata that is not valid JSON is discarded with a warning,
as the specification recommends.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from kit.i18n import _

_META = "[]{}\\"


@dataclass(frozen=True)
class Passage:
    name: str
    tags: tuple[str, ...] = ()
    metadata: dict[str, Any] = field(default_factory=dict)
    text: str = ""
    line: int = 0
    """1-based line of the header in the file read (0 for passages built in code)."""


@dataclass(frozen=True)
class TweeFile:
    passages: tuple[Passage, ...]
    warnings: tuple[str, ...]

    def get(self, name: str) -> Passage | None:
        return next((p for p in self.passages if p.name == name), None)


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def escape(text: str) -> str:
    return "".join("\\" + c if c in _META else c for c in text)


def _split_header(header: str) -> tuple[str, str, str]:
    """``name [tags] {meta}`` → the three raw parts (unescaped brackets end the name)."""
    i, n = 0, len(header)
    while i < n and header[i] not in "[{":
        i += 2 if header[i] == "\\" else 1
    name, rest = header[:i], header[i:].strip()
    tags = ""
    if rest.startswith("["):
        end = re.search(r"(?<!\\)\]", rest)
        tags, rest = (rest[1:end.start()], rest[end.end():].strip()) if end else (rest[1:], "")
    return name.strip(), tags, rest


def _passage(header: str, body: list[str], line: int, warnings: list[str]) -> Passage:
    raw_name, raw_tags, raw_meta = _split_header(header)
    meta: dict[str, Any] = {}
    if raw_meta:
        try:
            meta = json.loads(raw_meta)
        except json.JSONDecodeError:
            warnings.append(_("第 {line} 行:段落元数据不是有效的 JSON,已忽略").format(line=line))
    while body and not body[-1].strip():
        body.pop()
    tags = tuple(_unescape(t) for t in raw_tags.split())
    return Passage(_unescape(raw_name), tags, meta if isinstance(meta, dict) else {},
                   "\n".join(body), line)


def parse(text: str) -> TweeFile:
    passages, warnings = [], list[str]()
    header: tuple[str, int] | None = None
    body: list[str] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith("::"):
            if header:
                passages.append(_passage(header[0], body, header[1], warnings))
            header, body = (line[2:], number), []
        elif header:
            body.append(line)
        elif line.strip():
            warnings.append(_("第 {line} 行:第一个段落之前的文字已忽略").format(line=number))
    if header:
        passages.append(_passage(header[0], body, header[1], warnings))
    return TweeFile(tuple(passages), tuple(warnings))


def write(passages: list[Passage]) -> str:
    out = []
    for p in passages:
        head = f":: {escape(p.name)}"
        if p.tags:
            head += " [" + " ".join(escape(t) for t in p.tags) + "]"
        if p.metadata:
            head += " " + json.dumps(p.metadata, ensure_ascii=False, separators=(",", ":"))
        out.append(f"{head}\n{p.text}\n")
    return "\n".join(out)
