"""Case classification, quizzes and polls: one view, driven by content.

Live: changes go up as work in progress (the page autosaves them), submit until closed,
feedback after reveal (a poll shows the class's result instead). Solo (self-study, no live
session): feedback right after each submit, nothing stored.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import ipywidgets as W

from kit.i18n import N_, _
from kit.logic.classify import HELP
from kit.logic.phases import Phase
from kit.logic.questions import Question
from kit.state.activity import ActivityState
from kit.state.common import Done, Note
from kit.state.events import WorkEvents
from kit.widgets._base import Notice, View, esc
from kit.widgets.question import QuestionCard
from kit.widgets.saved import SavedMark

STATE_TEXT = {Phase.OPEN: "", Phase.CLOSED: N_("本活动已关闭,等待讲师公布答案。"),
              Phase.REVEALED: N_("答案已公布,请查看每个维度的反馈。"),
              Phase.WAITING: N_("本活动尚未开放。")}
POLL_TEXT = {Phase.CLOSED: N_("投票已结束,等待讲师公布结果。"),
             Phase.REVEALED: N_("投票结果已公布。")}


class ClassifyView(View):
    """One question on screen at a time (phones, and fewer widgets per kernel)."""

    def __init__(self, activity_id: str, title: str, questions: tuple[Question, ...],
                 events: WorkEvents | None = None, saved: Mapping[str, Any] | None = None,
                 poll: bool = False) -> None:
        self.activity_id, self.events, self.solo = activity_id, events or WorkEvents(), not events
        self.questions, self.index, self.poll = questions, 0, poll
        self.state = ActivityState(activity_id, "poll" if poll else "classify", Phase.OPEN)
        self.saved = dict(saved or {})
        self._cards: dict[str, QuestionCard] = {}
        self.notice, self.stage, self.where, self.mark = Notice(), W.VBox(), W.HTML(), SavedMark()
        graded = any(a.graded for q in questions for a in q.asks)
        parts: list[W.Widget] = [W.HTML(f"<h3>{esc(title)}</h3>")]
        if graded:
            parts.append(W.HTML(f"<small>{esc(_(HELP))}</small>"))
        parts.append(self.notice)
        if len(questions) > 1:
            parts.append(self._nav())
        super().__init__([*parts, self.stage, self.mark])
        self.add_class("kit-activity")
        self.go(0)

    def _nav(self) -> W.HBox:
        prev, nxt = W.Button(description=_("上一题")), W.Button(description=_("下一题"))
        prev.on_click(lambda _: self.go(self.index - 1))
        nxt.on_click(lambda _: self.go(self.index + 1))
        return W.HBox([prev, self.where, nxt], layout=W.Layout(flex_flow="row wrap",
                                                               align_items="center"))

    @property
    def cards(self) -> list[QuestionCard]:
        """The cards built so far, in question order."""
        return [self._cards[q.id] for q in self.questions if q.id in self._cards]

    def card(self, question_id: str) -> QuestionCard:
        if question_id not in self._cards:
            q = next(q for q in self.questions if q.id == question_id)
            card = QuestionCard(q, self._changed, self._submit)
            card.restore(self.saved.get(q.id, {}).get("answer", {}))
            self._cards[q.id] = card
            self._show(card)
        return self._cards[question_id]

    def go(self, index: int) -> None:
        """Show question ``index`` (clamped), as the 上一题/下一题 buttons do."""
        self.index = max(0, min(index, len(self.questions) - 1))
        self.stage.children = [self.card(self.questions[self.index].id)]
        self.where.value = _('第 {n} / {n2} 题').format(n=self.index + 1, n2=len(self.questions))

    def _changed(self, card: QuestionCard) -> None:
        self.events.change(card.question.id, {"answer": card.answer})

    def _submit(self, card: QuestionCard, done: Done) -> None:
        if self.solo:
            card.reveal()
            card.notice.show(_("已提交,请查看下方反馈。"), "ok")
            return done()
        self.events.submit(card.question.id, {"answer": card.answer}, done)
        return None

    def render(self, state: ActivityState) -> None:
        """The page's state for this activity: phase, submit outcomes, saved mark, tallies."""
        self.state = state
        for card in self.cards:
            self._show(card)
        texts = POLL_TEXT if self.poll else STATE_TEXT
        self.notice.show(_(texts.get(state.phase, STATE_TEXT[state.phase])), "info")
        self.mark.render(state.saved_at, state.unsaved)

    def _show(self, card: QuestionCard) -> None:
        state = self.state
        card.set_enabled(state.phase == Phase.OPEN)
        card.note(state.notes.get(card.question.id, Note()) if not self.solo else None)
        if state.phase == Phase.REVEALED:
            if self.poll:
                card.show_tally(state.tallies.get(card.question.id))
            else:
                card.reveal()

