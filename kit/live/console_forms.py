"""Getting into the console: open a workshop with its key, or create a new one."""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as W

from kit.content import Course
from kit.widgets._base import Notice, error_boundary


class LoginForm(W.VBox):
    def __init__(self, on_login: Callable[[str, str], None]) -> None:
        self._on_login = on_login
        self.code = W.Text(description="参与码")
        self.key = W.Password(description="讲师密钥")
        self.button = W.Button(description="进入控制台", button_style="primary")
        self.button.on_click(lambda _: self.submit())
        self.notice = Notice()
        super().__init__([W.HTML("<h3>进入已有工作坊</h3>"), self.code, self.key, self.button,
                          self.notice])

    @error_boundary
    def submit(self) -> None:
        self._on_login(self.code.value, self.key.value)


class CreateForm(W.VBox):
    def __init__(self, course: Course, on_create: Callable[[str, tuple[int, ...]], None]) -> None:
        self._on_create = on_create
        self.title = W.Text(description="标题", placeholder="例如:滨江支行消保培训")
        self.modules = {m.number: W.Checkbox(description=f"{m.number}. {m.title}", indent=False)
                        for m in sorted(course.modules, key=lambda m: m.number)}
        self.button = W.Button(description="新建工作坊", button_style="success")
        self.button.on_click(lambda _: self.submit())
        self.notice = Notice()
        super().__init__([W.HTML("<h3>新建工作坊</h3>"), self.title,
                          W.HTML("选择本场涵盖的模块:"), *self.modules.values(), self.button,
                          self.notice])

    @error_boundary
    def submit(self) -> None:
        chosen = tuple(n for n, box in self.modules.items() if box.value)
        if not chosen:
            self.notice.show("请至少选择一个模块", "error")
            return
        self._on_create(self.title.value, chosen)
