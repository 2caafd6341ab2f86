"""Instructor pacing: one row per activity, waiting → open → closed → revealed."""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as W

from kit.content import Activity
from kit.widgets._base import esc
from kit.widgets.course_map import KINDS

STATE_NAMES = {"waiting": "未开始", "open": "进行中", "closed": "已关闭", "revealed": "已公布"}
ACTIONS = (("open", "开放", "success"), ("closed", "关闭(停止等待)", "warning"),
           ("revealed", "公布答案", "info"), ("waiting", "撤回", ""))


class ActivityRow(W.HBox):
    def __init__(self, activity: Activity, on_state: Callable[[str, str], None],
                 on_show: Callable[[str], None]) -> None:
        self.activity = activity
        self.label = W.HTML()
        self.buttons = {}
        for state, text, style in ACTIONS:
            button = W.Button(description=text, button_style=style, layout=W.Layout(width="auto"))
            button.on_click(lambda _, s=state: on_state(activity.id, s))
            self.buttons[state] = button
        show = W.Button(description="看结果", layout=W.Layout(width="auto"))
        show.on_click(lambda _: on_show(activity.id))
        super().__init__([self.label, *self.buttons.values(), show],
                         layout=W.Layout(flex_flow="row wrap", align_items="center"))
        self.update("waiting", 0)

    def update(self, state: str, answered: int) -> None:
        a = self.activity
        self.label.value = (f"<div style='min-width:22em'><b>{esc(a.title)}</b>"
                            f"<small>({esc(KINDS[a.kind])},{a.time_limit_min} 分钟)</small><br>"
                            f"状态:<b>{STATE_NAMES[state]}</b> · 已提交 {answered} 人</div>")
        allowed = {"waiting": {"open"}, "open": {"closed", "waiting"},
                   "closed": {"open", "revealed"}, "revealed": {"closed"}}[state]
        for s, button in self.buttons.items():
            button.disabled = s not in allowed
