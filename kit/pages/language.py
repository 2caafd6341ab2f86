"""A page's language: set before its views are built, and again when the person changes it."""

from __future__ import annotations

from kit.i18n import current, use


def relabel(lang: str) -> bool:
    """Show this page in ``lang`` ('': the server's default, ``kit serve --lang``); whether
    that is a change (the page then builds its views again)."""
    before = current()
    return use(lang or None) != before
