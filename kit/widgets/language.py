"""The language switch: 中文 / English, on the join form and on the console."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ipywidgets as W

from kit.i18n import LABEL, LANGS, current


class LanguageToggle(W.ToggleButtons):
    """One button per UI language (each named in its own language), the page's one pressed.

    Choosing one calls ``on_choose(code)``; the page then builds its views again in it."""

    def __init__(self, on_choose: Callable[[str], None]) -> None:
        super().__init__(options=[(name, code) for code, name in LANGS.items()],
                         value=current(), description=LABEL,
                         style={"button_width": "auto"})
        self._on_choose = on_choose
        self.add_class("kit-lang")
        self.observe(self._changed, "value")

    def choose(self, lang: str) -> None:
        """Press the button of ``lang``, as a person would (tests use the same path)."""
        self.value = lang

    def _changed(self, change: dict[str, Any]) -> None:
        if change["new"] != change["old"]:
            self._on_choose(str(change["new"]))
