"""Escaping for HTML built from text people typed. No widget imports: reports use it too."""

from __future__ import annotations

import html


def esc(text: object) -> str:
    """Escape anything a person typed before it goes into HTML."""
    return html.escape(str(text), quote=True)
