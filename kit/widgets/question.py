"""A question card: the case (or quiz/poll item), one input per dimension, feedback."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import ipywidgets as W

from kit.i18n import _
from kit.logic import classify
from kit.logic.questions import Question
from kit.state.activity import Tally
from kit.state.common import Done, Note
from kit.widgets._base import ActionButton, Notice, View, error_boundary, esc
from kit.widgets.choice import ChoiceInput
from kit.widgets.feedback import feedback_html, tally_html


def card_html(q: Question) -> str:
    facts = "".join(f"<li>{esc(f)}</li>" for f in q.facts)
    title = f"<div class='kit-big'>{esc(q.title)}</div>" if q.title else ""
    body = esc(q.body).replace("\n", "<br>")
    return (f'<div class="kit-card">{title}<div>{body}</div>'
            + (_("<b>关键事实</b><ul>{facts}</ul>").format(
                   facts=facts) if facts else "") + "</div>")


class QuestionCard(View):
    """Events flow up through ``on_change`` and ``on_submit``."""

    def __init__(self, question: Question, on_change: Callable[[QuestionCard], None],
                 on_submit: Callable[[QuestionCard, Done], None]) -> None:
        self.question = question
        self.inputs = {a.id: ChoiceInput(a, lambda: on_change(self)) for a in question.asks}
        self._on_submit = on_submit
        self.submit_button = ActionButton(_("提交"), self._submit, button_style="primary")
        self.notice = Notice()
        self._note: Note | None = None
        self.feedback = W.HTML()
        self.feedback.add_class("kit-feedback")
        super().__init__([W.HTML(card_html(question)), *self.inputs.values(),
                          W.HBox([self.submit_button, self.notice],
                                 layout=W.Layout(flex_flow="row wrap", align_items="center")),
                          self.feedback])
        self.add_class("kit-question")

    def submit(self) -> None:
        """Tap 提交, as a person would (tests drive this path)."""
        self.submit_button.press()

    @error_boundary
    def _submit(self, done: Done) -> None:
        problems = self.problems()
        if problems:
            self.notice.show(";".join(problems), "error")
            return done()
        self._on_submit(self, done)
        return None

    @property
    def answer(self) -> dict[str, list[str]]:
        return {ask_id: inp.value for ask_id, inp in self.inputs.items()}

    def restore(self, answer: Mapping[str, list[str]]) -> None:
        for ask_id, codes in answer.items():
            if ask_id in self.inputs:
                self.inputs[ask_id].select(list(codes))

    def select(self, ask_id: str, codes: list[str]) -> None:
        """Choose as a trainee would (tests drive this path)."""
        self.inputs[ask_id].select(codes)

    def problems(self) -> list[str]:
        found = [classify.problem(inp.ask, inp.value) for inp in self.inputs.values()]
        if not any(self.answer.values()):
            found.append(_("请至少完成一个维度的选择后再提交"))
        return [p for p in found if p]

    def set_enabled(self, enabled: bool) -> None:
        for inp in self.inputs.values():
            inp.set_enabled(enabled)
        self.submit_button.allow(enabled)

    def note(self, note: Note | None) -> None:
        """The page's outcome for this question; the card's own hints stay until it changes."""
        if note != self._note:
            self._note = note
            self.notice.note(note)

    def reveal(self) -> None:
        """Right and wrong per dimension, with the key and why."""
        results = classify.grade(self.question, self.answer)
        for ask in self.question.asks:
            self.inputs[ask.id].mark(ask.key)
        self.feedback.value = feedback_html(self.question, results)

    def show_tally(self, tally: Tally | None) -> None:
        """A poll's class result: the trainee's own choice marked, never as wrong."""
        ask = self.question.asks[0]
        self.inputs[ask.id].mark_own()
        self.feedback.value = tally_html(ask, tally, self.inputs[ask.id].value)
