"""Getting into the console: open a workshop with its key, or create a new one."""

from __future__ import annotations

import ipywidgets as W

from kit.content import Course
from kit.i18n import _, title_of
from kit.state.common import Done
from kit.state.events import ConsoleEvents
from kit.widgets._base import ActionButton, Notice, View, error_boundary, esc
from kit.widgets.course_map import KINDS


class LoginForm(View):
    def __init__(self, events: ConsoleEvents) -> None:
        self._events = events
        self.code = W.Text(description=_("参与码"))
        self.key = W.Password(description=_("讲师密钥"))
        self.button = ActionButton(_("进入控制台"), self._login, button_style="primary")
        self.notice = Notice()
        super().__init__([W.HTML(_("<h3>进入已有工作坊</h3>")), self.code, self.key, self.button,
                          self.notice])

    def submit(self) -> None:
        self.button.press()

    @error_boundary
    def _login(self, done: Done) -> None:
        key, self.key.value = self.key.value, ""  # the key never stays on screen
        self._events.login(self.code.value, key, done)


class CreateForm(View):
    def __init__(self, course: Course, events: ConsoleEvents) -> None:
        self._events = events
        self.title = W.Text(description=_("标题"), placeholder=_("例如:滨江支行消保培训"))
        self.instructor = W.Text(description=_("讲师"), placeholder=_("讲师姓名(选填,用于报告)"))
        self.modules = {m.number: W.Checkbox(description=f"{m.number}. {title_of(m)}", indent=False)
                        for m in sorted(course.modules, key=lambda m: m.number)}
        kinds = {m.number: _("、").join(dict.fromkeys(KINDS[a.kind] for a in m.activities))
                 for m in course.modules}
        rows: list[W.Widget] = []
        for number, box in self.modules.items():
            rows += [box, W.HTML(_("<small class='kit-quiet'>活动:{kinds}</small>").format(
                                     kinds=esc(kinds[number])))]
        self.button = ActionButton(_("新建工作坊"), self._create, button_style="success")
        self.notice = Notice()
        super().__init__([W.HTML(_("<h3>新建工作坊</h3>")), self.title, self.instructor,
                          W.HTML(_("选择本场涵盖的模块:")), *rows, self.button, self.notice])

    def submit(self) -> None:
        self.button.press()

    @error_boundary
    def _create(self, done: Done) -> None:
        chosen = tuple(n for n, box in self.modules.items() if box.value)
        self._events.create(self.title.value, chosen, self.instructor.value, done)
