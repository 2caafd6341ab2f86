"""The self-paced drill in ``exercises/``: shuffled cases, instant feedback, a running score."""

from __future__ import annotations

import ipywidgets as W

from kit.content import Case, Course
from kit.i18n import N_, _, title_of
from kit.logic import classify
from kit.logic.drill import DRILL_DIMENSIONS, Tally, pick
from kit.logic.questions import from_case
from kit.state.common import Done
from kit.widgets._base import Notice, View, error_boundary, esc, replace_children
from kit.widgets.question import QuestionCard

ANY = N_("全部")


class DrillView(View):
    def __init__(self, course: Course, seed: int | None = None) -> None:
        self.course, self.seed = course, seed
        self.dims = tuple(d for d in course.taxonomy.dimensions if d.id in DRILL_DIMENSIONS)
        cats = next((d.labels for d in self.dims if d.id == "category"), ())
        self.module = W.Dropdown(description=_("模块"), options=[(_(ANY), None)] + [
            (f"{m.number}. {title_of(m)}", m.number) for m in course.modules])
        self.category = W.Dropdown(description=_("类别"), options=[(_(ANY), None)] + [
            (lab.name, lab.code) for lab in cats])
        self.difficulty = W.Dropdown(description=_("难度"), options=[(ANY, None), (_("入门"), 1),
                                                                 (_("进阶"), 2), (_("挑战"), 3)])
        go = W.Button(description=_("开始练习"), button_style="primary")
        go.on_click(lambda _: self.start())
        self.notice, self.score, self.stage = Notice(), W.HTML(), W.VBox()
        self.tally, self.queue = Tally(), list[Case]()
        self.card: QuestionCard | None = None
        title, rule = _("案例分类自练"), esc(_(classify.HELP))
        head = f"<h2>{title}</h2><small>{rule}</small>"
        super().__init__([W.HTML(head),
                          W.HBox([self.module, self.category, self.difficulty, go],
                                 layout=W.Layout(flex_flow="row wrap")),
                          self.notice, self.score, self.stage])

    @error_boundary
    def start(self) -> None:
        self.queue = pick(self.course, self.module.value, self.category.value,
                          self.difficulty.value, self.seed)
        self.tally = Tally()
        if not self.queue:
            self.notice.show(_("没有符合条件的案例,请放宽筛选条件。"), "error")
            return
        self.notice.show(_('共 {n} 个案例,随机顺序。').format(n=len(self.queue)))
        self.next()

    @error_boundary
    def next(self) -> None:
        if not self.queue:
            return self.finish()
        case = self.queue.pop(0)
        dims = tuple(d for d in self.dims if d.id in case.key)
        self.card = QuestionCard(from_case(case, dims), lambda _: None, self._checked)
        nxt = W.Button(description=_("下一题"))
        nxt.on_click(lambda _: self.next())
        stop = W.Button(description=_("结束并查看总结"))
        stop.on_click(lambda _: self.finish())
        replace_children(self.stage, [self.card, W.HBox([nxt, stop])])

    @error_boundary
    def _checked(self, card: QuestionCard, done: Done) -> None:
        done()
        results = classify.grade(card.question, card.answer)
        self.tally.add(results)
        card.reveal()
        card.set_enabled(False)
        self._show_score()

    def _show_score(self) -> None:
        names = {d.id: d.name for d in self.dims}
        cells = "".join(f"<td>{esc(names[d])}<br><b>{m:.0%}</b></td>"
                        for d, m in self.tally.means().items())
        self.score.value = (_("<div class='kit-card'>已完成 {answered} 题<table><tr>{cells}</tr>"
                              "</table></div>").format(answered=self.tally.answered, cells=cells))

    @error_boundary
    def finish(self) -> None:
        names = {d.id: d.name for d in self.dims}
        weak = _("、").join(f"{names[d]}({m:.0%})" for d, m in self.tally.weakest())
        text = _('本次最需要加强的维度:{weak}。').format(weak=weak) if weak else _("还没有作答。")
        replace_children(self.stage, [W.HTML(f"<div class='kit-card kit-big'>{esc(text)}</div>")])
