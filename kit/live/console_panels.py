"""Console panels: timer and broadcast, roster and groups."""

from __future__ import annotations

import time

import ipywidgets as W

from kit.content import Course
from kit.live.follow import countdown
from kit.logic.groups import balanced_groups, random_groups
from kit.logic.scores import participant_scores
from kit.store import Store, participants, work, workshops
from kit.store.records import Workshop
from kit.widgets._base import Notice, error_boundary, esc

IDLE_AFTER = 90.0
STATUS = {"joined": "已加入", "working": "作答中", "submitted": "已提交",
          "reviewing": "互评中", "idle": "空闲"}


class Controls(W.VBox):
    """Countdown timer every trainee sees, and a one-line message to all."""

    def __init__(self, store: Store, ws: Workshop) -> None:
        self.store, self.ws = store, ws
        self.minutes = W.BoundedIntText(value=10, min=1, max=240, description="分钟")
        self.label = W.Text(placeholder="计时说明(可选)", layout=W.Layout(width="14em"))
        start, stop = W.Button(description="开始计时"), W.Button(description="停止计时")
        start.on_click(lambda _: self.start_timer())
        stop.on_click(lambda _: self.stop_timer())
        self.message = W.Text(placeholder="发给全体学员的一句话", layout=W.Layout(width="24em"))
        send = W.Button(description="发送通知")
        send.on_click(lambda _: self.broadcast())
        self.clock, self.notice = W.HTML(), Notice()
        super().__init__([W.HBox([self.minutes, self.label, start, stop, self.clock]),
                          W.HBox([self.message, send]), self.notice])

    @error_boundary
    def start_timer(self) -> None:
        workshops.set_timer(self.store, self.ws.id, self.minutes.value * 60, self.label.value)

    @error_boundary
    def stop_timer(self) -> None:
        workshops.set_timer(self.store, self.ws.id, None)

    @error_boundary
    def broadcast(self) -> None:
        workshops.set_message(self.store, self.ws.id, self.message.value)
        self.notice.show("已发送" if self.message.value.strip() else "已清除通知", "ok")

    def tick(self, now: float) -> None:
        state = workshops.live_state(self.store, self.ws.id)
        left = countdown(state.timer_end, now)
        self.clock.value = f'<span class="kit-timer">⏱ {left}</span>' if left else ""


class Roster(W.VBox):
    """Who is here and what they are doing; groups random, balanced or by hand."""

    def __init__(self, course: Course, store: Store, ws: Workshop) -> None:
        self.course, self.store, self.ws = course, store, ws
        self.size = W.BoundedIntText(value=4, min=2, max=20, description="每组人数")
        rnd, bal = W.Button(description="随机分组"), W.Button(description="均衡分组")
        rnd.on_click(lambda _: self.group("random"))
        bal.on_click(lambda _: self.group("balanced"))
        self.who = W.Dropdown(description="学员", options=[])
        self.group_no = W.BoundedIntText(value=1, min=0, max=99, description="组号")
        move = W.Button(description="调整")
        move.on_click(lambda _: self.move())
        self.table, self.notice = W.HTML(), Notice()
        super().__init__([W.HTML("<h3>学员名单</h3>"), W.HBox([self.size, rnd, bal]),
                          W.HBox([self.who, self.group_no, move]), self.notice, self.table])

    def refresh(self, now: float | None = None) -> None:
        now = now or time.time()
        people = participants.roster(self.store, self.ws.id)
        rows = "".join(
            f"<tr><td>{esc(p.name)}</td><td>{p.group_no or '—'}</td>"
            f"<td>{STATUS['idle' if now - p.last_seen > IDLE_AFTER else p.status]}</td></tr>"
            for p in people)
        self.table.value = (f"<p>共 {len(people)} 人</p><table><tr><th>姓名/工号</th><th>组</th>"
                            f"<th>状态</th></tr>{rows}</table>")
        options = [(p.name, p.id) for p in people]
        if list(self.who.options) != options:
            self.who.options = options

    @error_boundary
    def group(self, how: str) -> None:
        people = [p.id for p in participants.roster(self.store, self.ws.id)]
        if how == "random":
            groups = random_groups(people, self.size.value)
        else:
            done = participant_scores(self.course, work.latest_all(self.store, self.ws.id))
            groups = balanced_groups({p: done.get(p, 0.0) for p in people}, self.size.value)
        participants.set_groups(self.store, self.ws.id, dict(groups))
        self.refresh()

    @error_boundary
    def move(self) -> None:
        if self.who.value is None:
            self.notice.show("请先选择学员", "error")
            return
        group = self.group_no.value or None
        participants.set_groups(self.store, self.ws.id, {self.who.value: group})
        self.refresh()
