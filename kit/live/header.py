"""The strip at the top of a trainee screen: who, where, countdown, the instructor's message."""

from __future__ import annotations

import ipywidgets as W

from kit.live.follow import countdown
from kit.store.records import LiveState
from kit.widgets._base import esc


class Header(W.VBox):
    def __init__(self) -> None:
        self.who = W.HTML()
        self.timer = W.HTML()
        self.message = W.HTML()
        self._state: LiveState | None = None
        super().__init__([W.HBox([self.who, self.timer],
                                 layout=W.Layout(justify_content="space-between")),
                          self.message])

    def set_who(self, title: str, name: str) -> None:
        self.who.value = f"<b>{esc(title)}</b> · {esc(name)}"

    def apply(self, state: LiveState, now: float) -> None:
        self._state = state
        text = esc(state.message)
        self.message.value = f'<div class="kit-banner">📢 {text}</div>' if text else ""
        self.tick(now)

    def tick(self, now: float) -> None:
        left = countdown(self._state.timer_end if self._state else None, now)
        label = esc(self._state.timer_label) if self._state else ""
        value = f'<span class="kit-timer">⏱ {left} {label}</span>' if left else ""
        if self.timer.value != value:
            self.timer.value = value
