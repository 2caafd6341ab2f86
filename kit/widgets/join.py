"""The join form: code and display name (or staff ID)."""

from __future__ import annotations

import ipywidgets as W

from kit.htmltext import esc
from kit.state.common import Done, Note
from kit.state.events import TraineeEvents
from kit.widgets._base import ActionButton, Notice, View, error_boundary


class JoinForm(View):
    def __init__(self, events: TraineeEvents) -> None:
        self._events = events
        self.code = W.Text(placeholder="例如 K7M3Q", description="参与码")
        self.name = W.Text(placeholder="姓名或工号", description="姓名/工号")
        self.staff = W.Text(placeholder="工号(选填,用于培训记录)", description="工号")
        self.button = ActionButton("加入", self._join, button_style="primary")
        self.notice = Notice()
        self.intro = W.HTML("<h2>加入消保工坊</h2><p>请输入讲师给出的参与码和您的姓名或工号。</p>")
        super().__init__([self.intro, self.code, self.name, self.staff, self.button, self.notice])
        self.add_class("kit-join")

    def submit(self) -> None:
        """Tap 加入, as a person would."""
        self.button.press()

    @error_boundary
    def _join(self, done: Done) -> None:
        self._events.join(self.code.value, self.name.value, self.staff.value, done)

    def render(self, code: str, note: Note, hub_name: str = "") -> None:
        """``hub_name``: the trainee joins under their JupyterHub name; only the code is asked."""
        if code and not self.code.value:
            self.code.value = code
        if hub_name:
            self.intro.value = (f"<h2>加入消保工坊</h2><p>请输入讲师给出的参与码，"
                                f"您将以「{esc(hub_name)}」的身份加入。</p>")
            self.name.layout.display = "none"
        self.notice.note(note)
