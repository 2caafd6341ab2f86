"""The solo role-play view: a conversation with a customer whose mood rises and falls.

Takes a scenario and callbacks only (no store, no live session). Alone (self-study) it plays
by itself: each attempt, finished or abandoned by 再来一次, is kept in ``practice.attempts`` and
handed to ``on_attempt``. Live, with ``on_choose``/``on_replay``, it only asks: the page's
controller stores the move and :meth:`render` shows the practice as stored (the trainee's, or
the group's with a banner saying who replies). Every interaction has a Python trigger:
:meth:`choose`, :meth:`say`, :meth:`confirm`, :meth:`cancel`, :meth:`replay`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import ipywidgets as W

from kit.content import Course
from kit.content.scenario_models import Scenario
from kit.content.scenario_paths import explore, summarise
from kit.i18n import N_, _
from kit.logic.matcher import Match, match
from kit.logic.phases import Phase
from kit.logic.roleplay_play import Attempt, Practice, play_path
from kit.state.activity import ActivityState
from kit.state.common import Done, noop
from kit.state.roleplay import RoleplayState
from kit.widgets._base import Notice, View, error_boundary
from kit.widgets.roleplay_debrief import (
    ending_html,
    history_html,
    notes_html,
    paths_html,
    profile_html,
    revisit_html,
)
from kit.widgets.roleplay_html import (
    STYLE,
    gauge_html,
    group_html,
    guess_html,
    intro_html,
    log_html,
)

MAX_SAID = 500
UNCLEAR = N_("没能判断这句话最接近哪一个回应。请换个说法，或直接点选一个回应。")


Choose = Callable[[int, str, Done], None]


class RoleplayView(View):
    def __init__(self, scenario: Scenario, on_attempt: Callable[[Attempt], None] | None = None,
                 activity_id: str = "", revisit_titles: Mapping[str, str] | None = None,
                 on_choose: Choose | None = None,
                 on_replay: Callable[[Done], None] | None = None) -> None:
        self.scenario, self.activity_id = scenario, activity_id
        self.on_attempt, self.titles = on_attempt, dict(revisit_titles or {})
        self.on_choose, self.on_replay = on_choose, on_replay
        self.practice = Practice.start(scenario)
        self.live: RoleplayState | None = None
        self.locked = False
        self.pending: Match | None = None
        self.said = ""
        self.notice = Notice()
        self.banner = W.HTML()
        self.gauge = W.HTML()
        self.chat = W.HTML()
        self.buttons = [self._button(i) for i in range(4)]
        self.text = W.Textarea(placeholder=_("也可以用自己的话回答……"),
                               layout=W.Layout(width="100%", height="70px"))
        self.send_button = self._action(_("用我的话回答"), self._on_send)
        self.guess = W.HTML()
        self.yes = self._action(_("就按这个回应"), self.confirm)
        self.no = self._action(_("不是，我换个说法"), self.cancel)
        self.confirm_box = W.VBox([self.guess, W.HBox([self.yes, self.no])], layout=W.Layout())
        self.debrief = W.HTML()
        self.again = self._action(_("再来一次"), self.replay)
        self.reply_box = W.VBox([*self.buttons, self.text, self.send_button], layout=W.Layout())
        self.intro = W.HTML(STYLE + intro_html(scenario))
        super().__init__([self.intro, self.banner, self.gauge, self.chat,
                          self.notice, self.reply_box, self.confirm_box, self.debrief,
                          self.again])
        self.add_class("kit-rp")
        self._draw()

    def _button(self, index: int) -> W.Button:
        button = W.Button(layout=W.Layout(width="100%", height="auto"))
        button.add_class("kit-rp-reply")
        button.on_click(lambda _: self.choose(index))
        return button

    def _action(self, text: str, then: Callable[[], None]) -> W.Button:
        button = W.Button(description=text, layout=W.Layout(width="auto", height="auto"))
        button.add_class("kit-rp-action")
        button.on_click(lambda _: then())
        return button

    def _on_send(self) -> None:
        self.say(self.text.value)

    @property
    def attempts(self) -> tuple[Attempt, ...]:
        return self.practice.attempts

    def _draw(self, change: int | None = None) -> None:
        state, sc = self.practice.state, self.scenario
        self.gauge.value = gauge_html(sc, state.mood, change)
        self.chat.value = f"<div class='kit-card'>{log_html(sc, state)}</div>"
        node = sc.node(state.node or "")
        for i, button in enumerate(self.buttons):
            shown = node is not None and i < len(node.choices)
            button.description = f"{i + 1}. {node.choices[i].text}" if shown and node else ""
            button.layout.display = "flex" if shown else "none"
        live, driving = self.live, self.live is None or self.live.driving
        self._show(self.reply_box, node is not None and self.pending is None and driving)
        self._show(self.confirm_box, self.pending is not None and driving)
        self._show(self.again, (state.finished or bool(state.steps)) and (
            driving or state.finished))
        self.debrief.value = self._debrief() if state.finished else ""
        self.banner.value = group_html(live) if live is not None else ""
        busy = live is not None and live.busy
        for button in (*self.buttons, self.send_button, self.yes, self.no, self.again):
            button.disabled = self.locked or busy
        self.text.disabled = self.locked or busy

    @staticmethod
    def _show(widget: W.Widget, visible: bool) -> None:
        widget.layout.display = "flex" if visible else "none"

    def _debrief(self) -> str:
        sc, last = self.scenario, self.practice.last
        if last is None:
            return ""
        summary = summarise(explore(sc))
        best = play_path(sc, summary.best_path)
        notes = notes_html(sc, last) if sc.feedback == "end" else ""
        return (f"<div class='kit-card'>{ending_html(sc, last)}{notes}"
                f"{paths_html(sc, last, best, summary.best)}{profile_html(last.profile)}"
                f"{revisit_html(sc, last, self.titles)}{history_html(self.attempts)}</div>")

    @error_boundary
    def choose(self, index: int, said: str = "") -> None:
        if self.on_choose is not None:  # live: the controller stores it, render() shows it
            self.pending = None
            self.notice.show("")
            return self.on_choose(index, said, noop)
        before, count = self.practice.state.mood, len(self.practice.attempts)
        self.practice = self.practice.choose(index, said)
        self.pending, self.text.value = None, ""
        self.notice.show("")
        self._draw(self.practice.state.mood - before)
        if len(self.practice.attempts) > count:
            self._hand_over(self.practice.attempts[-1])
        return None

    @error_boundary
    def say(self, text: str) -> None:
        """A typed reply: matched to the nearest prepared reply, then confirmed by the trainee."""
        said = " ".join(text.split())
        if not said or len(said) > MAX_SAID:
            return self.notice.show(_("请先写下你要说的话。") if not said else
                                    _("请控制在 {n} 字以内。").format(n=MAX_SAID), "error")
        node = self.scenario.node(self.practice.state.node or "")
        if node is None:
            return
        found = match(said, [(c.text, *c.examples) for c in node.choices])
        if found.index is None:
            self.notice.show(_(UNCLEAR))
            return
        self.pending, self.said = found, said
        self.guess.value = guess_html(said, found, node.choices[found.index].text)
        self.notice.show("")
        self._draw()
        return None

    @error_boundary
    def confirm(self) -> None:
        if self.pending is not None and self.pending.index is not None:
            self.choose(self.pending.index, self.said)

    def cancel(self) -> None:
        self.pending = None
        self._draw()

    @error_boundary
    def replay(self) -> None:
        if self.on_replay is not None:
            self.pending = None
            self.on_replay(noop)
            self.notice.show(_("第 {n} 次演练开始。之前的每一次都已保留。").format(
                n=len(self.attempts) + 1))
            return
        count = len(self.practice.attempts)
        self.practice, self.pending = self.practice.replay(), None
        self.text.value = ""
        self._draw()
        if len(self.practice.attempts) > count:
            self._hand_over(self.practice.attempts[-1])
        self.notice.show(_("第 {n} 次演练开始。之前的每一次都已保留。").format(
            n=len(self.attempts) + 1))

    def _hand_over(self, attempt: Attempt) -> None:
        if self.on_attempt is not None:
            self.on_attempt(attempt)

    def render(self, state: ActivityState) -> None:
        """The activity in a live room: replies only while it is open or revealed; the
        practice as the controller has it (stored), with the group's banner."""
        locked = state.phase not in (Phase.OPEN, Phase.REVEALED)
        relock, self.locked = locked != self.locked, locked
        live = state.roleplay
        if live is not None and live != self.live:
            before = self.practice
            self.live, self.practice = live, live.practice
            if live.practice.state.steps != before.state.steps:
                self.pending = None
            if live.note.text:
                self.notice.note(live.note)
            self._draw(_change(before, live.practice))
        elif relock:
            self._draw()


def _change(before: Practice, after: Practice) -> int | None:
    """How the last reply moved the mood, when the play on screen just took one more step."""
    b, a = before.state.steps, after.state.steps
    if len(a) == len(b) + 1 and a[:len(b)] == b:
        return a[-1].mood_after - a[-1].mood_before
    return None


def roleplay_view(course: Course, scenario_id: str, **options: Any) -> RoleplayView:
    """The view of one scenario of ``course``, with the outline's titles for 建议回看."""
    if scenario_id not in course.scenarios:
        raise ValueError(_("没有编号为 {id} 的情景").format(id=repr(scenario_id)))
    titles = {e.id: e.title for m in course.outline for e in m.items}
    return RoleplayView(course.scenarios[scenario_id], revisit_titles=titles, **options)
