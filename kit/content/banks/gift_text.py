"""GIFT text: blank-line blocks, comment lines, escapes and format tags (see ``gift``)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from kit.content.banks.common import html_to_text

#: Escaped control characters → private-use placeholders while the question is taken apart.
_ESCAPES = {"\\:": "\ue000", "\\#": "\ue001", "\\=": "\ue002", "\\{": "\ue003",
            "\\}": "\ue004", "\\~": "\ue005", "\\n": "\ue006"}
_PLAIN = {"\ue000": ":", "\ue001": "#", "\ue002": "=", "\ue003": "{", "\ue004": "}",
          "\ue005": "~", "\ue006": "\n"}
_BACKSLASH = "\ue007"
_FORMAT = re.compile(r"^\[(html|moodle|plain|markdown)\]")


@dataclass(frozen=True)
class Block:
    line: int
    text: str


def blocks(source: str) -> Iterator[Block]:
    """Blank-line separated blocks, comment lines removed, with the line each starts on."""
    lines: list[str] = []
    start = 0
    for number, raw in enumerate([*source.splitlines(), ""], start=1):
        line = raw.strip()
        if not line:
            if lines:
                yield Block(start, "\n".join(lines))
            lines = []
        elif not line.startswith("//"):
            start = start if lines else number
            lines.append(line)


def protect(text: str) -> str:
    text = text.replace("\\\\", _BACKSLASH)
    for escaped, mark in _ESCAPES.items():
        text = text.replace(escaped, mark)
    return text


def plain(text: str) -> str:
    """Placeholders back to characters; a format tag applied (HTML reduced to text)."""
    text = text.strip()
    found = _FORMAT.match(text)
    fmt = found.group(1) if found else "moodle"
    text = text[found.end():] if found else text
    for mark, char in _PLAIN.items():
        text = text.replace(mark, char)
    text = text.replace(_BACKSLASH, "\\").strip()
    return html_to_text(text).text if fmt == "html" else text
