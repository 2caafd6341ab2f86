"""Rule hints as a short list: what the rule is, where, why, and its source."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from kit.content.citation import plain_citation
from kit.i18n import _
from kit.logic.rules import Finding
from kit.widgets._base import esc


def hints_html(findings: Sequence[Finding], titles: Mapping[str, str]) -> str:
    if not findings:
        return ""
    items = []
    for f in findings:
        icon = "⚠️" if f.severity == "warn" else "💡"
        where = _('「{x}」').format(x=esc(titles.get(f.section, f.section))) if f.section else ""
        quote = f"(“{esc(f.match)}”)" if f.match else ""
        source = _("<br><small>依据：{plain_citation}</small>").format(
                     plain_citation=esc(plain_citation(f.source))) if f.source else ""
        items.append(f"<li>{icon} <b>{esc(f.title)}</b>{where}{quote}:{esc(f.message)}"
                     f"{source}</li>")
    return _("<div class='kit-card'><b>撰写提示</b><ul>") + "".join(items) + "</ul></div>"
