"""Live results of a classification, quiz or poll: one question at a time, counts only.

The console and the projector both use it; it never holds a trainee's name.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import ipywidgets as W

from kit.content import Course
from kit.htmlcharts import bars, matrix, percent
from kit.i18n import _, title_of
from kit.logic import stats
from kit.logic.agreement import agreement, reading
from kit.logic.phases import Phase
from kit.logic.questions import Ask, Question, for_activity
from kit.state.console import Board
from kit.widgets._base import View, esc

Answers = Sequence[Mapping[str, list[str]]]


def by_question(board: Board) -> dict[str, list[Mapping[str, list[str]]]]:
    out: dict[str, list[Mapping[str, list[str]]]] = {}
    for a in board.answers:
        out.setdefault(a.item_id, []).append(a.answer)
    return out


def question_html(q: Question, answers: Answers, revealed: bool, people: int) -> str:
    """One question's chart per dimension: share per label in %, the key marked after
    reveal (also at 0 picks), and 正确率 on every graded chart."""
    parts = [f"<div class='kit-qtitle'>{esc(q.title or q.body[:60])}</div>",
             _("<small>{n} / {people} 人作答</small>").format(
                 n=len(answers), people=people) if people else ""]
    for ask in q.asks:
        key = ask.key if (revealed and ask.key) else ()
        acc = stats.accuracy(answers, ask) if (revealed and ask.key) else None
        head = f"<b>{esc(ask.name)}</b>" + (_(' · 正确率 <b>{x}</b>').format(x=percent(acc or 0.0))
                                            if revealed and ask.key else "")
        parts.append(f"<div class='kit-chart'>{head}"
                     + bars(stats.distribution(answers, ask), _names(ask), key, len(answers),
                            [c.code for c in ask.choices]) + "</div>")
    return "<div class='kit-card kit-board-q'>" + "".join(parts) + "</div>"


def summary_html(questions: Sequence[Question], board: Board) -> str:
    """Who answered, agreement in plain words (the number on request), the most missed."""
    by_p: dict[int, dict[str, Mapping[str, list[str]]]] = {}
    for a in board.answers:
        by_p.setdefault(a.participant, {})[a.item_id] = a.answer
    items = [_('已作答 <b>{n}</b> 人').format(n=len(by_p))]
    for ask in questions[0].asks if questions else ():
        if ask.key is not None or len(questions) > 1:
            agree = agreement(questions, ask.id, by_p)
            items.append(_("{name} 一致性:<b>{value}</b><details class='kit-inline'><summary>"
                           "数值</summary>{method} {num}</details>").format(
                             name=esc(ask.name), value=reading(agree.value), method=agree.method,
                             num=_num(agree.value)))
    if board.phase == Phase.REVEALED:
        missed = stats.most_missed(questions, by_question(board), top=3)
        names = {q.id: q.title or q.id for q in questions}
        if missed:
            items.append(_("最易错:") + _("、").join(_("{names}(得分 {m:.0%})").format(
                                                     names=esc(names[q]), m=m)
                                            for q, m in missed))
    return "<div class='kit-card kit-summary'>" + "<br>".join(items) + "</div>"


def checker_html(course: Course, activity_id: str, q: Question, answers: Answers,
                 revealed: bool) -> str:
    """After reveal of a copy-review question: where the class and the copy checker differ."""
    act = course.activity(activity_id)
    if not revealed or course.ad_rules is None or "ad_rule" not in getattr(act, "dimensions", ()):
        return ""
    from kit.logic.copycheck import review
    from kit.logic.copycheck.compare import compare_case
    from kit.widgets.copy_compare import comparison_html

    case = course.cases[q.id]
    chosen = [a.get("ad_rule", []) for a in answers]
    found = review(case.narrative, course.ad_rules).codes
    names = {lab.code: lab.name for lab in course.dimension("ad_rule").labels}
    comparison = compare_case(case.id, chosen, found, case.key.get("ad_rule", ()))
    return (_("<div class='kit-card'><b>学员与文案检查器的判断对比</b>")
            + comparison_html([comparison], {case.id: case.title}, names) + "</div>")


class BoardView(View):
    """The console's results of one activity: a summary, then one question with 上一题/下一题."""

    def __init__(self, course: Course, activity_id: str,
                 on_focus: Callable[[int], None] | None = None) -> None:
        self.activity_id = activity_id
        self.questions = for_activity(course, activity_id)
        self.index, self._on_focus = 0, on_focus
        self.board = Board(activity_id, Phase.WAITING)
        self.summary, self.body, self.where = W.HTML(), W.HTML(), W.HTML()
        self.confusion, self.checker, self.course = W.HTML(), W.HTML(), course
        super().__init__([W.HTML(f"<h3>{esc(title_of(course.activity(activity_id)))}</h3>"),
                          self.summary, *([self._nav()] if len(self.questions) > 1 else []),
                          self.body, self.checker, self.confusion])

    def _nav(self) -> W.HBox:
        prev, nxt = W.Button(description=_("上一题")), W.Button(description=_("下一题"))
        prev.on_click(lambda _: self.go(self.index - 1))
        nxt.on_click(lambda _: self.go(self.index + 1))
        return W.HBox([prev, self.where, nxt], layout=W.Layout(flex_flow="row wrap",
                                                               align_items="center"))

    def go(self, index: int) -> None:
        self.index = max(0, min(index, len(self.questions) - 1))
        if self._on_focus is not None:
            self._on_focus(self.index)
        self.render(self.board)

    def render(self, board: Board, people: int = 0) -> None:
        self.board = board
        revealed = board.phase == Phase.REVEALED
        q = self.questions[self.index]
        answers = by_question(board).get(q.id, [])
        self.where.value = _('第 {n} / {n2} 题').format(n=self.index + 1, n2=len(self.questions))
        _set(self.summary, summary_html(self.questions, board))
        _set(self.body, question_html(q, answers, revealed, people))
        _set(self.confusion, self._confusion(q, answers) if revealed else "")
        _set(self.checker, checker_html(self.course, self.activity_id, q, answers, revealed))

    def _confusion(self, q: Question, answers: Answers) -> str:
        out = []
        for ask in q.asks:
            if ask.key:
                cells = stats.confusion((ask, a) for a in answers)
                out.append(_('<details><summary>{name} 混淆表</summary>').format(name=esc(ask.name))
                           + matrix(cells, _names(ask)) + "</details>")
        return "".join(out)


def _set(widget: W.HTML, value: str) -> None:
    if widget.value != value:
        widget.value = value


def _names(ask: Ask) -> dict[str, str]:
    return {c.code: c.name for c in ask.choices} | {"—": _("(未选)")}


def _num(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"

