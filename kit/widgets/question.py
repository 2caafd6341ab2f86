"""A question card: the case (or quiz/poll item), one input per dimension, feedback."""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as W

from kit.logic import classify
from kit.logic.questions import Question
from kit.widgets._base import Notice, error_boundary, esc
from kit.widgets.choice import ChoiceInput
from kit.widgets.feedback import feedback_html


def card_html(q: Question) -> str:
    facts = "".join(f"<li>{esc(f)}</li>" for f in q.facts)
    title = f"<div class='kit-big'>{esc(q.title)}</div>" if q.title else ""
    body = esc(q.body).replace("\n", "<br>")
    return (f'<div class="kit-card">{title}<div>{body}</div>'
            + (f"<b>关键事实</b><ul>{facts}</ul>" if facts else "") + "</div>")


class QuestionCard(W.VBox):
    """Events flow up through ``on_change`` and ``on_submit``."""

    def __init__(self, question: Question, on_change: Callable[[QuestionCard], None],
                 on_submit: Callable[[QuestionCard], None]) -> None:
        self.question = question
        self.inputs = {a.id: ChoiceInput(a, lambda: on_change(self)) for a in question.asks}
        self._on_submit = on_submit
        self.submit_button = W.Button(description="提交", button_style="primary")
        self.submit_button.on_click(lambda _: self.submit())
        self.notice = Notice()
        self.feedback = W.HTML()
        super().__init__([W.HTML(card_html(question)), *self.inputs.values(),
                          W.HBox([self.submit_button, self.notice]), self.feedback])
        self.add_class("kit-question")

    @error_boundary
    def submit(self) -> None:
        """Submit as a click would; errors show on this card, in Chinese."""
        self._on_submit(self)

    @property
    def answer(self) -> dict[str, list[str]]:
        return {ask_id: inp.value for ask_id, inp in self.inputs.items()}

    def restore(self, answer: dict[str, list[str]]) -> None:
        for ask_id, codes in answer.items():
            if ask_id in self.inputs:
                self.inputs[ask_id].select(list(codes))

    def select(self, ask_id: str, codes: list[str]) -> None:
        """Choose as a trainee would (tests drive this path)."""
        self.inputs[ask_id].select(codes)

    def problems(self) -> list[str]:
        found = [classify.problem(inp.ask, inp.value) for inp in self.inputs.values()]
        if not any(self.answer.values()):
            found.append("请至少完成一个维度的选择后再提交")
        return [p for p in found if p]

    def set_enabled(self, enabled: bool) -> None:
        for inp in self.inputs.values():
            inp.set_enabled(enabled)
        self.submit_button.disabled = not enabled

    def reveal(self) -> None:
        results = classify.grade(self.question, self.answer)
        for ask in self.question.asks:
            self.inputs[ask.id].mark(ask.key)
        self.feedback.value = feedback_html(self.question, results)
