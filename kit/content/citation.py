"""Sources as trainees read them: plain citations, without the designers' markers.

Content keeps the markers of ``course-facts.md`` ([V] verified, [S] secondary source, [K] the
course's own choice, [U] unconfirmed) so that designers see how firm each fact is. A trainee
sees a plain citation: the instrument and article, and for a secondary source the page it came
from; a course choice says so in words, and so would an unconfirmed item (graded content holds
none: ``tests/content/test_trainee_text.py`` checks that).
"""

from __future__ import annotations

import re

_MARKER = re.compile(r"\s*\[[VSKU](?:/[VSKU])*\]")
_FROM = re.compile(r"(?<!（)\s*来源[:：]\s*")
_SPACE_BEFORE = re.compile(r"\s+([；;，,。）)])")


def _words(part: str) -> str:
    """The marker of one part (between 「；」), as words where words are needed."""
    kinds = set("".join(_MARKER.findall(part)))
    text = _MARKER.sub("", part)
    if "U" in kinds:
        return text + "（尚未核实）"
    if "K" in kinds and "课程" not in text:
        return text + "（本课程的做法，非监管规定）"
    return text


def _tidy(text: str) -> str:
    return _SPACE_BEFORE.sub(r"\1", re.sub(r"\s+", " ", text)).strip().strip("；;，, ")


def _continues(part: str) -> bool:
    """A part that only continues the previous one's source list (a bare web address)."""
    bare = re.sub(r"（[^）]*）|\([^)]*\)", "", part)
    return not re.search(r"[\u4e00-\u9fff]", bare)


def _one(source: str) -> str:
    text = "；".join(_words(p) for p in re.split(r"[；;]", source))
    head, *tail = _FROM.split(text, maxsplit=1)
    if not tail:
        return _tidy(head)
    return f"{_tidy(head)}（来源：{_tidy(tail[0]).rstrip('。')}）"


def plain_citation(source: str) -> str:
    """``…第18条 [V]`` → ``…第18条``; ``…摘要 [S] 来源：x.cn`` → ``…摘要（来源：x.cn）``.

    Several sources joined by 「；」 each keep their own 来源. Pure and idempotent: a plain
    citation comes back unchanged."""
    groups: list[list[str]] = []
    for part in re.split(r"[；;]", source):
        if groups and _continues(part):
            groups[-1].append(part)
        elif part.strip():
            groups.append([part])
    return "；".join(c for c in (_one("；".join(g)) for g in groups) if c)


def plain_citations(sources: tuple[str, ...] | list[str]) -> str:
    """Several sources on one line, separated by 「；」."""
    return "；".join(c for c in (plain_citation(s) for s in sources) if c)
