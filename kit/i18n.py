"""The UI's languages: Chinese (the source language) and English, from one gettext catalogue.

Every UI string is written in Chinese and goes through :func:`_` (or is marked with :func:`N_`
where it is defined, and translated where it is shown). English comes from
``kit/locale/en/LC_MESSAGES/kit.mo`` (compiled from ``kit.po`` by ``python -m kit.catalogue``);
a string missing there shows in Chinese. Course content stays Chinese, except where it carries
an optional ``en:`` field (:func:`pick`).

One kernel serves one page, so the language is per process: the page sets it (the trainee's
choice on the join form, the console's own setting) before it builds its views; ``KIT_LANG``
(set by ``kit serve --lang``) is the default.
"""

from __future__ import annotations

import functools
import gettext
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Protocol

LOCALE = Path(__file__).parent / "locale"
DOMAIN = "kit"
LANGS: Mapping[str, str] = {"zh": "中文", "en": "English"}
"""Each language named in itself, as the language switch shows it."""
LABEL = "语言 / Language"
"""The switch's label, in both languages: it is how a reader of either finds it."""
SOURCE = "zh"


def _default() -> str:
    value = os.environ.get("KIT_LANG", SOURCE).lower()[:2]
    return value if value in LANGS else SOURCE


_current = _default()


def use(lang: str | None) -> str:
    """Show this process's UI in ``lang`` (unknown or ``None``: the default); return it."""
    global _current
    _current = lang if lang is not None and lang in LANGS else _default()
    return _current


def current() -> str:
    return _current


@functools.cache
def catalogue(lang: str) -> gettext.NullTranslations:
    return gettext.translation(DOMAIN, LOCALE, languages=[lang], fallback=True)


def _(message: str) -> str:
    """``message`` (Chinese) in the page's language."""
    if _current == SOURCE:
        return message
    return catalogue(_current).gettext(message)


def N_(message: str) -> str:
    """Mark ``message`` for the catalogue without translating it yet (a constant defined at
    import, translated with :func:`_` where it is shown)."""
    return message


def pick(chinese: str, english: Mapping[str, str] | None, field: str) -> str:
    """Content in the page's language: the ``en:`` field when there is one, else Chinese."""
    if _current == "en" and english and english.get(field):
        return english[field]
    return chinese


class Titled(Protocol):
    @property
    def title(self) -> str: ...

    @property
    def en(self) -> Mapping[str, str] | None: ...


def title_of(item: Titled) -> str:
    """A module's, activity's or case's title in the page's language (see :func:`pick`)."""
    return pick(item.title, item.en, "title")
