"""Showing a draft to someone else: escaped, sectioned, with no author name anywhere."""

from __future__ import annotations

from collections.abc import Mapping

from kit.content import Template
from kit.i18n import _
from kit.widgets._base import esc


def draft_html(template: Template, sections: Mapping[str, str], label: str = "") -> str:
    parts = [f"<div class='kit-big'>{esc(label)}</div>"] if label else []
    for s in template.sections:
        text = esc(sections.get(s.id, "")).replace("\n", "<br>") or _("<i>(未填写)</i>")
        parts.append(f"<p><b>{esc(s.title)}</b><br>{text}</p>")
    return "<div class='kit-card'>" + "".join(parts) + "</div>"
