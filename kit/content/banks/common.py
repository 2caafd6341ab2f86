"""What every bank parser yields: usable questions and, with line numbers, the ones skipped."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Literal

from kit.i18n import _

MAX_BYTES = 5 * 1024 * 1024


Kind = Literal["single", "multi", "truefalse"]


@dataclass(frozen=True)
class BankOption:
    text: str
    correct: bool
    feedback: str = ""


@dataclass(frozen=True)
class BankQuestion:
    """One question the kit can use, as the source file wrote it."""

    line: int
    kind: Kind
    text: str
    options: tuple[BankOption, ...]
    """For ``truefalse``: the option 正确 then 错误, each with the feedback shown for it."""
    title: str = ""
    category: str = ""
    feedback: str = ""
    """General feedback (GIFT ``####``, Moodle XML ``generalfeedback``)."""
    notes: tuple[str, ...] = ()
    """What the import changed or left out (e.g. partial credit), for the designer to review."""


@dataclass(frozen=True)
class Skipped:
    """A question the kit does not import, and why."""

    line: int
    kind: str
    """Marked with ``N_`` where it is made; translated when shown."""
    reason: str

    def __str__(self) -> str:
        return _("第 {line} 行:{kind}:{reason}").format(
            line=self.line, kind=_(self.kind), reason=self.reason)


@dataclass(frozen=True)
class Bank:
    questions: tuple[BankQuestion, ...] = ()
    skipped: tuple[Skipped, ...] = field(default_factory=tuple)


def check_size(text: str) -> None:
    if len(text.encode("utf-8")) > MAX_BYTES:
        raise ValueError(_("题库文件过大,上限 {limit} MB").format(limit=MAX_BYTES // 1024 // 1024))


class _Text(HTMLParser):
    """Visible text of an HTML fragment: tags dropped, block ends as line breaks."""

    BREAKS = frozenset({"br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.images = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img":
            self.images += 1
        if tag == "br":
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.BREAKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


@dataclass(frozen=True)
class Plain:
    text: str
    images: int = 0


def html_to_text(fragment: str) -> Plain:
    """The text a trainee should see: the kit shows plain, escaped text, never HTML."""
    parser = _Text()
    parser.feed(fragment)
    parser.close()
    text = re.sub(r"[ \t\u00a0]+", " ", "".join(parser.parts))
    text = re.sub(r" *\n[\n ]*", "\n", text).strip()
    return Plain(text, parser.images)


def looks_like_html(text: str) -> bool:
    return re.search(r"</?[a-zA-Z][^>]*>", text) is not None
