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
    def __init__(self, activity_id: str, title: str, questions: tuple[Question, ...],
                 seat: Seat | None = None) -> None:
        self.activity_id, self.seat, self.phase = activity_id, seat, "open"
        self.dirty: dict[str, float] = {}
        self.cards = [QuestionCard(q, self._changed, self._submit) for q in questions]
        self.notice = Notice()
        graded = any(a.graded for q in questions for a in q.asks)
        help_text = W.HTML(f"<small>{esc(HELP)}</small>") if graded else W.HTML()
        super().__init__([W.HTML(f"<h3>{esc(title)}</h3>"), help_text, self.notice, *self.cards])
        saved = seat.restore(activity_id) if seat is not None else {}
        for card in self.cards:
            card.restore(saved.get(card.question.id, {}).get("answer", {}))

    def card(self, question_id: str) -> QuestionCard:
        return next(c for c in self.cards if c.question.id == question_id)

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
            card.set_enabled(state == "open")
            if state == "revealed":
                card.reveal()
        self.notice.show(STATE_TEXT.get(state, ""), "info")
