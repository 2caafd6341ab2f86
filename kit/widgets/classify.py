"""Case classification, quizzes and polls: one view, driven by content.

Live: autosave while working, submit until closed, feedback after reveal.
Solo (no seat): feedback right after each submit.
"""

from __future__ import annotations

import time

import ipywidgets as W

from kit.live.seat import Seat
from kit.logic.classify import HELP
from kit.logic.questions import Question
from kit.widgets._base import Notice, esc
from kit.widgets.question import QuestionCard

DEBOUNCE = 1.0
STATE_TEXT = {"open": "", "closed": "本活动已关闭,等待讲师公布答案。",
              "revealed": "答案已公布,请查看每个维度的反馈。", "waiting": "本活动尚未开放。"}


class ClassifyView(W.VBox):
    """One question on screen at a time (phones, and fewer widgets per kernel)."""

    def __init__(self, activity_id: str, title: str, questions: tuple[Question, ...],
                 seat: Seat | None = None) -> None:
        self.activity_id, self.seat, self.phase = activity_id, seat, "open"
        self.questions, self.index = questions, 0
        self.dirty: dict[str, float] = {}
        self._cards: dict[str, QuestionCard] = {}
        self.saved = seat.restore(activity_id) if seat is not None else {}
        self.notice, self.stage, self.where = Notice(), W.VBox(), W.HTML()
        prev, nxt = W.Button(description="上一题"), W.Button(description="下一题")
        prev.on_click(lambda _: self.go(self.index - 1))
        nxt.on_click(lambda _: self.go(self.index + 1))
        graded = any(a.graded for q in questions for a in q.asks)
        help_text = W.HTML(f"<small>{esc(HELP)}</small>") if graded else W.HTML()
        nav = W.HBox([prev, self.where, nxt]) if len(questions) > 1 else W.HBox()
        super().__init__([W.HTML(f"<h3>{esc(title)}</h3>"), help_text, self.notice, nav,
                          self.stage])
        self.go(0)

    @property
    def cards(self) -> list[QuestionCard]:
        """The cards built so far, in question order."""
        return [self._cards[q.id] for q in self.questions if q.id in self._cards]

    def card(self, question_id: str) -> QuestionCard:
        if question_id not in self._cards:
            q = next(q for q in self.questions if q.id == question_id)
            card = QuestionCard(q, self._changed, self._submit)
            card.restore(self.saved.get(q.id, {}).get("answer", {}))
            self._show_phase(card)
            self._cards[q.id] = card
        return self._cards[question_id]

    def go(self, index: int) -> None:
        """Show question ``index`` (clamped), as the 上一题/下一题 buttons do."""
        self.index = max(0, min(index, len(self.questions) - 1))
        self.stage.children = [self.card(self.questions[self.index].id)]
        self.where.value = f"第 {self.index + 1} / {len(self.questions)} 题"

    def _changed(self, card: QuestionCard) -> None:
        self.dirty[card.question.id] = time.monotonic()

    def flush(self, now: float | None = None, debounce: float = DEBOUNCE) -> int:
        """Autosave inputs idle for ``debounce`` seconds; return how many were saved."""
        if self.seat is None:
            return 0
        now, saved = now if now is not None else time.monotonic(), 0
        for qid, changed in list(self.dirty.items()):
            if now - changed >= debounce:
                self.seat.autosave(self.activity_id, qid, {"answer": self.card(qid).answer})
                self.seat.mark(self.activity_id, "working", every=15)
                del self.dirty[qid]
                saved += 1
        return saved

    def _submit(self, card: QuestionCard) -> None:
        problems = card.problems()
        if problems:
            card.notice.show(";".join(problems), "error")
            return
        if self.seat is None:
            card.reveal()
            card.notice.show("已提交,请查看下方反馈。", "ok")
            return
        sub = self.seat.submit(self.activity_id, card.question.id, {"answer": card.answer})
        self.seat.autosave(self.activity_id, card.question.id, {"answer": card.answer})
        self.dirty.pop(card.question.id, None)
        card.notice.show(f"已提交(第 {sub.version} 版),关闭前仍可修改后重新提交。", "ok")

    def apply_state(self, state: str) -> None:
        self.phase = state
        for card in self.cards:
            self._show_phase(card)
        self.notice.show(STATE_TEXT.get(state, ""), "info")

    def _show_phase(self, card: QuestionCard) -> None:
        card.set_enabled(self.phase == "open")
        if self.phase == "revealed":
            card.reveal()
