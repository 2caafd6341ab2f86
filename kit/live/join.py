"""The join form: code and display name (or staff ID)."""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as W

from kit.widgets._base import Notice, error_boundary


class JoinForm(W.VBox):
    def __init__(self, on_join: Callable[[str, str, str], None]) -> None:
        self._on_join = on_join
        self.code = W.Text(placeholder="例如 K7M3Q", description="参与码")
        self.name = W.Text(placeholder="姓名或工号", description="姓名/工号")
        self.staff = W.Text(placeholder="工号(选填,用于培训记录)", description="工号")
        self.button = W.Button(description="加入", button_style="primary")
        self.button.on_click(lambda _: self.submit())
        self.notice = Notice()
        super().__init__([W.HTML("<h2>加入消保工坊</h2><p>请输入讲师给出的参与码和您的姓名或工号。</p>"),
                          self.code, self.name, self.staff, self.button, self.notice])

    @error_boundary
    def submit(self) -> None:
        self.button.disabled = True
        try:
            self._on_join(self.code.value, self.name.value, self.staff.value)
        finally:
            self.button.disabled = False
