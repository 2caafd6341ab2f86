"""The room from the console: countdown and message, who is here and their groups."""

from __future__ import annotations

import time

import ipywidgets as W

from kit.i18n import _
from kit.logic.pacing import countdown
from kit.state.common import Done
from kit.state.console import ConsoleState, Person
from kit.state.events import ConsoleEvents
from kit.widgets._base import ActionButton, View, esc


class RoomControls(View):
    """A countdown every trainee and the projector see (pause and resume), and a message."""

    def __init__(self, events: ConsoleEvents) -> None:
        self.events = events
        self.minutes = W.BoundedIntText(value=10, min=1, max=240, description=_("分钟"))
        self.label = W.Text(placeholder=_("计时说明(可选)"))
        self.start = ActionButton(_("开始计时"), self._start)
        self.pause = ActionButton(_("暂停"), lambda done: self.events.pause_timer(True, done))
        self.resume = ActionButton(_("继续"), lambda done: self.events.pause_timer(False, done))
        self.stop = ActionButton(_("停止计时"), self.events.stop_timer)
        self.clock = W.HTML()
        self.message = W.Text(placeholder=_("发给全体学员的一句话"))
        send = ActionButton(_("发送通知"), lambda done: self.events.broadcast(self.message.value,
                                                                      done))
        wrap = W.Layout(flex_flow="row wrap", align_items="center")
        super().__init__([W.HTML(_("<h3>计时与通知</h3>")),
                          W.HBox([self.minutes, self.label], layout=wrap),
                          W.HBox([self.start, self.pause, self.resume, self.stop, self.clock],
                                 layout=wrap),
                          W.HBox([self.message, send], layout=wrap)])

    def _start(self, done: Done) -> None:
        self.events.timer(int(self.minutes.value), self.label.value, done)

    def render(self, state: ConsoleState) -> None:
        t = state.timer
        left = countdown(t.end, time.time(), t.paused_left)
        paused = _("(已暂停)") if t.paused_left is not None else ""
        value = f'<span class="kit-timer" role="timer">⏱ {left}{paused}</span>' if left else ""
        if self.clock.value != value:
            self.clock.value = value
        self.pause.allow(t.end is not None)
        self.resume.allow(t.paused_left is not None)


class Roster(View):
    """Who is here and what they are doing in the current activity; groups by any rule."""

    def __init__(self, events: ConsoleEvents) -> None:
        self.events = events
        self.size = W.BoundedIntText(value=4, min=2, max=20, description=_("每组人数"))
        size = self.size
        rnd = ActionButton(_("随机分组"), lambda done: events.group("random", size.value, done))
        bal = ActionButton(_("均衡分组"), lambda done: events.group("balanced", size.value, done))
        self.who = W.Dropdown(description=_("学员"), options=[])
        self.group_no = W.BoundedIntText(value=1, min=0, max=99, description=_("组号"))
        move = ActionButton(_("调整"), lambda done: events.move(self.who.value,
                                                           self.group_no.value or None, done))
        self.table = W.HTML()
        wrap = W.Layout(flex_flow="row wrap", align_items="center")
        super().__init__([W.HTML(_("<h3>学员名单</h3>")),
                          W.HBox([self.size, rnd, bal], layout=wrap),
                          W.HBox([self.who, self.group_no, move], layout=wrap), self.table])

    def render(self, people: tuple[Person, ...]) -> None:
        rows = "".join(f"<tr><td>{esc(p.name)}</td><td>{p.group_no or '—'}</td>"
                       f"<td>{esc(p.status)}</td></tr>" for p in people)
        value = (_("<p>共 {n} 人</p><table class='kit-table'><tr><th>姓名/工号</th><th>组</th><th>"
                   "状态</th></tr>{rows}</table>").format(n=len(people), rows=rows))
        if self.table.value != value:
            self.table.value = value
        options = [(p.name, p.id) for p in people]
        if list(self.who.options) != options:
            self.who.options = options
