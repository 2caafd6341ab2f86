"""The presenter remote's activity controls: the current activity on top, the rest below.

Each activity shows only the moves that make sense for its kind and phase, in plain words
(:func:`kit.logic.phases.actions`), and a count that is right for its kind.
"""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as W

from kit.i18n import N_, _
from kit.logic.phases import NAMES, Phase, actions
from kit.state.common import Done
from kit.state.console import Row
from kit.state.events import ConsoleEvents
from kit.widgets._base import ActionButton, View, esc, replace_children
from kit.widgets.course_map import kind_name

COUNTED = {"classify": N_("已提交"), "quiz": N_("已提交"), "poll": N_("已投票"),
           "draft": N_("已提交方案"), "peer_review": N_("已评审"), "roleplay": N_("已完成演练")}


def row_html(row: Row, present: int | None = None, big: bool = False) -> str:
    of = _(' / 在场 {present} 人').format(present=present) if present is not None else ""
    title = f"<div class='kit-big'>{esc(row.title)}</div>" if big else f"<b>{esc(row.title)}</b>"
    return (_("{title}<small>{x} · {minutes} 分钟</small><br>状态:<b>{NAMES}</b> · {x2} <b>"
              "{answered}</b> 人{of}").format(
                title=title, x=esc(kind_name(row.kind)), minutes=row.minutes,
                NAMES=_(NAMES[row.phase]), x2=_(COUNTED.get(row.kind, N_('已提交'))),
                answered=row.answered, of=of))


class ActivityControl(View):
    """One activity's line: what it is, its phase and count, the moves it allows."""

    def __init__(self, row: Row, events: ConsoleEvents, big: bool = False) -> None:
        self.row, self.events, self.big = row, events, big
        self.label, self.buttons = W.HTML(), W.HBox(layout=W.Layout(flex_flow="row wrap"))
        self._moves: tuple[tuple[Phase, str], ...] = ()
        super().__init__([self.label, self.buttons])
        self.add_class("kit-current" if big else "kit-row")

    def render(self, row: Row, present: int | None = None) -> None:
        self.row = row
        value = row_html(row, present, self.big)
        if self.label.value != value:
            self.label.value = value
        moves = actions(row.kind, row.phase)
        if moves == self._moves:
            return
        self._moves = moves
        buttons: list[W.Widget] = [
            ActionButton(_(text), self._pacer(phase), button_style=_style(phase),
                         layout=W.Layout(width="auto")) for phase, text in moves]
        if not self.big:
            show = W.Button(description=_("查看"), layout=W.Layout(width="auto"))
            show.on_click(lambda _: self.events.show(self.row.activity_id))
            buttons.append(show)
        replace_children(self.buttons, buttons)

    def _pacer(self, phase: Phase) -> Callable[[Done], None]:
        return lambda done: self.events.pace(self.row.activity_id, phase, done)

    def press(self, text: str) -> None:
        """Tap the move labelled ``text`` (tests use the same path)."""
        for button in self.buttons.children:
            if button.description == text:
                button.press() if isinstance(button, ActionButton) else button.click()
                return
        shown = [b.description for b in self.buttons.children]
        raise LookupError(f"no button {text!r}; shown: {shown}")


def _style(phase: Phase) -> str:
    return {Phase.OPEN: "success", Phase.CLOSED: "warning", Phase.REVEALED: "info"}.get(phase, "")


class ActivityList(View):
    """Every activity of the workshop, by module; the one on show is also at the top."""

    def __init__(self, events: ConsoleEvents) -> None:
        self.events = events
        self.controls: dict[str, ActivityControl] = {}
        super().__init__()

    def render(self, rows: tuple[Row, ...]) -> None:
        if [r.activity_id for r in rows] != list(self.controls):
            self.controls = {r.activity_id: ActivityControl(r, self.events) for r in rows}
            replace_children(self, [W.HTML(_("<h3>全部活动</h3>")), *self.controls.values()])
        for row in rows:
            self.controls[row.activity_id].render(row)
