"""One input per dimension: toggle buttons that follow the dimension's cardinality."""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as W
from ipywidgets.widgets.widget_bool import ToggleButtonStyle

from kit.i18n import _
from kit.logic.questions import Ask
from kit.widgets._base import View, esc


class ChoiceInput(View):
    """Single choice behaves like radio buttons; multiple choice like check boxes."""

    def __init__(self, ask: Ask, on_change: Callable[[], None] | None = None) -> None:
        self.ask, self._on_change, self._quiet = ask, on_change, False
        layout, style = W.Layout(width="auto"), ToggleButtonStyle()  # shared by the buttons:
        self.buttons = {c.code: W.ToggleButton(description=c.name, tooltip=c.description,
                                               layout=layout, style=style)  # 2 models, not 2n
                        for c in ask.choices}
        for code, button in self.buttons.items():
            button.observe(lambda ch, code=code: self._toggled(code, ch["new"]), "value")
        kind = _("单选") if ask.cardinality == "single" else _("可多选")
        self.help = W.HTML(self._help_html(), layout=W.Layout(display="none"))
        title: list[W.Widget] = [W.HTML(f"<b>{esc(ask.name)}</b>({kind})")]
        if self.help.value:  # quiz and poll options carry no descriptions: no empty help
            show = W.Button(description=_("标签说明"), layout=W.Layout(width="auto"))
            show.on_click(lambda _: self._toggle_help())
            title.append(show)
        super().__init__([W.HBox(title, layout=W.Layout(flex_flow="row wrap",
                                                        align_items="center")),
                          W.HBox(list(self.buttons.values()),
                                 layout=W.Layout(flex_flow="row wrap")), self.help])
        self.add_class("kit-choice")

    def _help_html(self) -> str:
        rows = "".join(f"<li><b>{esc(c.name)}</b>:{esc(c.description)}</li>"
                       for c in self.ask.choices if c.description)
        return f"<ul>{rows}</ul>" if rows else ""

    def _toggle_help(self) -> None:
        self.help.layout.display = "none" if self.help.layout.display != "none" else "block"

    def _toggled(self, code: str, on: bool) -> None:
        if self._quiet:
            return
        if on and self.ask.cardinality == "single":
            self.select([code])
        if self._on_change:
            self._on_change()

    @property
    def value(self) -> list[str]:
        return [code for code, b in self.buttons.items() if b.value]

    def select(self, codes: list[str]) -> None:
        """Set the choice from code (tests and restore use the same path as clicks)."""
        self._quiet = True
        try:
            for code, button in self.buttons.items():
                button.value = code in codes
        finally:
            self._quiet = False

    def set_enabled(self, enabled: bool) -> None:
        for button in self.buttons.values():
            button.disabled = not enabled

    def mark(self, key: tuple[str, ...] | None) -> None:
        """After reveal: key labels turn green, wrong picks red."""
        for code, button in self.buttons.items():
            style = "success" if key and code in key else ("danger" if button.value else "")
            button.button_style = style

    def mark_own(self) -> None:
        """A poll after its result is out: the own choice stays marked, in neutral colours."""
        for button in self.buttons.values():
            button.button_style = ""
