"""The join form: the UI language, code and display name (or staff ID)."""

from __future__ import annotations

import ipywidgets as W

from kit.htmltext import esc
from kit.i18n import _
from kit.state.common import Done, Note
from kit.state.events import TraineeEvents
from kit.widgets._base import ActionButton, Notice, View, error_boundary
from kit.widgets.language import LanguageToggle


class JoinForm(View):
    def __init__(self, events: TraineeEvents) -> None:
        self._events = events
        self.code = W.Text(placeholder=_("例如 K7M3Q"), description=_("参与码"))
        self.name = W.Text(placeholder=_("姓名或工号"), description=_("姓名/工号"),
                           layout=W.Layout())  # its own: hidden for a JupyterHub user
        self.staff = W.Text(placeholder=_("工号(选填,用于培训记录)"), description=_("工号"))
        self.button = ActionButton(_("加入"), self._join, button_style="primary")
        self.notice = Notice()
        self.lang = LanguageToggle(events.language)
        self.intro = W.HTML(_("<h2>加入消保工坊</h2><p>"
                              "请输入讲师给出的参与码和您的姓名或工号。</p>"))
        super().__init__([self.lang, self.intro, self.code, self.name, self.staff, self.button,
                          self.notice])
        self.add_class("kit-join")

    def keep(self, old: JoinForm) -> None:
        """Carry what was typed into ``old`` over (the form is built again in a new language)."""
        self.code.value, self.name.value, self.staff.value = (
            old.code.value, old.name.value, old.staff.value)
        self.notice.value = old.notice.value

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
            self.intro.value = _("<h2>加入消保工坊</h2><p>请输入讲师给出的参与码，"
                                 "您将以「{name}」的身份加入。</p>").format(name=esc(hub_name))
            self.name.layout.display = "none"
        self.notice.note(note)
