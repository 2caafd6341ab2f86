"""The projector view of a classification, quiz or poll: counts only, no trainee names."""

from __future__ import annotations

import ipywidgets as W

from kit.content import Course
from kit.logic import stats
from kit.logic.agreement import agreement
from kit.logic.questions import Ask, Question, for_activity
from kit.store import Store, work
from kit.widgets._base import esc
from kit.widgets.charts import bars, matrix, percent


class Board(W.VBox):
    """Live class distribution per dimension, accuracy, confusion, agreement, most missed."""

    def __init__(self, course: Course, activity_id: str, store: Store, workshop_id: int) -> None:
        self.activity_id, self.store, self.workshop_id = activity_id, store, workshop_id
        self.questions = for_activity(course, activity_id)
        self.revealed = False
        self.summary, self.body = W.HTML(), W.HTML()
        super().__init__([W.HTML(f"<h3>{esc(course.activity(activity_id).title)}</h3>"),
                          self.summary, self.body])

    def refresh(self) -> int:
        """Read the latest submissions and redraw; return how many answers are in."""
        subs = work.latest(self.store, self.workshop_id, self.activity_id)
        by_q: dict[str, list[dict[str, list[str]]]] = {q.id: [] for q in self.questions}
        by_p: dict[int, dict[str, dict[str, list[str]]]] = {}
        for s in subs:
            answer = s.payload.get("answer", {})
            by_q.setdefault(s.item_id, []).append(answer)
            by_p.setdefault(s.participant_id, {})[s.item_id] = answer
        self.summary.value = self._summary(by_q, by_p)
        self.body.value = "".join(self._question(q, by_q.get(q.id, [])) for q in self.questions)
        return len(subs)

    def _summary(self, by_q: dict[str, list[dict[str, list[str]]]],
                 by_p: dict[int, dict[str, dict[str, list[str]]]]) -> str:
        items = [f"已作答 <b>{len(by_p)}</b> 人"]
        for ask in self.questions[0].asks:
            if ask.key is not None or len(self.questions) > 1:
                agree = agreement(self.questions, ask.id, by_p)
                items.append(f"{esc(ask.name)} 一致性({agree.method}):{_num(agree.value)}")
        missed = stats.most_missed(self.questions, by_q, top=3)
        names = {q.id: q.title or q.id for q in self.questions}
        if missed:
            items.append("最易错:" + "、".join(f"{esc(names[q])}({m:.0%})" for q, m in missed))
        return "<div class='kit-card' style='font-size:18px'>" + "<br>".join(items) + "</div>"

    def _question(self, q: Question, answers: list[dict[str, list[str]]]) -> str:
        parts = [f"<h4>{esc(q.title or q.body[:40])}</h4>"]
        for ask in q.asks:
            key = ask.key if (self.revealed and ask.key) else ()
            acc = stats.accuracy(answers, ask) if self.revealed else None
            head = f"<b>{esc(ask.name)}</b>" + (f" 正确率 {percent(acc)}" if acc else "")
            parts.append(head + bars(stats.distribution(answers, ask), _names(ask), key))
            if self.revealed and ask.key:
                cells = stats.confusion((ask, a) for a in answers)
                parts.append("<details><summary>混淆表</summary>"
                             + matrix(cells, _names(ask)) + "</details>")
        return "<div class='kit-card'>" + "".join(parts) + "</div>"


def _names(ask: Ask) -> dict[str, str]:
    return {c.code: c.name for c in ask.choices} | {"—": "(未选)"}


def _num(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"
