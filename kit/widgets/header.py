"""The strip at the top of a trainee screen: who, where, countdown, the instructor's message."""

from __future__ import annotations

import ipywidgets as W

from kit.i18n import _
from kit.logic.pacing import countdown
from kit.state.trainee import Header as HeaderState
from kit.widgets._base import View, esc


class Header(View):
    def __init__(self) -> None:
        self.who = W.HTML()
        self.timer = W.HTML()
        self.message = W.HTML()
        self._state = HeaderState()
        super().__init__([W.HBox([self.who, self.timer],
                                 layout=W.Layout(justify_content="space-between",
                                                 flex_flow="row wrap")),
                          self.message])

    def set_who(self, title: str, name: str) -> None:
        value = f"<b>{esc(title)}</b> · {esc(name)}"
        if self.who.value != value:
            self.who.value = value

    def render(self, state: HeaderState, now: float) -> None:
        self._state = state
        text = esc(state.message)
        value = f'<div class="kit-banner" role="status">📢 {text}</div>' if text else ""
        if self.message.value != value:
            self.message.value = value
        self.tick(now)

    def tick(self, now: float) -> None:
        left = countdown(self._state.timer_end, now, self._state.paused_left)
        paused = _("(已暂停)") if self._state.paused_left is not None else ""
        label = esc(self._state.timer_label)
        value = (f'<span class="kit-timer" role="timer">⏱ {left}{paused} {label}</span>'
                 if left else "")
        if self.timer.value != value:
            self.timer.value = value
