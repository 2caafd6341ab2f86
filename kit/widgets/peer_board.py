"""The instructor's view of drafts and peer review: progress, scores, reliability, flags.

Drafts appear as 方案 #n and reviewers as 学员 #n unless the instructor turns names on.
"""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as W

from kit.content import Course
from kit.content.rubric_models import DraftActivity, PeerReviewActivity
from kit.i18n import N_, _, title_of
from kit.logic.peer import medians, reliability
from kit.logic.phases import Phase
from kit.state.common import Done
from kit.state.console import Board
from kit.widgets._base import ActionButton, View, esc
from kit.widgets.draft_text import draft_html

PLAN = N_("方案")
FLAGS = {"inappropriate": N_("不恰当"), "unhelpful": N_("没有帮助")}
Override = Callable[[str, int | None, str, int, Done], None]
Showcase = Callable[[str, int | None, Done], None]


class PeerBoardView(View):
    def __init__(self, course: Course, activity_id: str, on_names: Callable[[bool], None],
                 on_override: Override, on_showcase: Showcase | None = None) -> None:
        act = course.activity(activity_id)
        self.activity_id, self._on_override = activity_id, on_override
        self.review = act if isinstance(act, PeerReviewActivity) else None
        draft = course.activity(self.review.of if self.review else activity_id)
        assert isinstance(draft, DraftActivity)
        self.template = course.templates[draft.template]
        self.rubric = course.rubrics[self.review.rubric] if self.review else None
        self.board = Board(activity_id, Phase.WAITING)
        self.names = W.Checkbox(description=_("显示姓名"), value=False, indent=False)
        self.names.observe(lambda ch: on_names(bool(ch["new"])), "value")
        self.pick = W.Dropdown(description=_("投屏方案"), options=[])
        self.pick.observe(lambda _: self._project(), "value")
        self.summary, self.scores, self.reliab = W.HTML(), W.HTML(), W.HTML()
        self.flags, self.shown = W.HTML(), W.HTML()
        self.o_crit = W.Dropdown(description=_("标准"), options=[
            (c.name, c.id) for c in (self.rubric.criteria if self.rubric else ())])
        self.o_score = W.Dropdown(description=_("改判为"),
                                  options=list(self.rubric.scores) if self.rubric else [])
        parts: list[W.Widget] = [W.HTML(f"<h3>{esc(title_of(act))}</h3>"), self.names, self.summary]
        if self.review is not None:
            go = ActionButton(_("改判所选方案"), self._override, layout=W.Layout(width="auto"))
            parts += [self.scores, self.reliab, self.flags,
                      W.HBox([self.o_crit, self.o_score, go],
                             layout=W.Layout(flex_flow="row wrap"))]
        actions: list[W.Widget] = [self.pick]
        if on_showcase is not None:
            show = ActionButton(_("在投屏页展示"), lambda done: on_showcase(
                activity_id, self.pick.value, done), layout=W.Layout(width="auto"))
            hide = ActionButton(_("收起展示"), lambda done: on_showcase(activity_id, None, done),
                                layout=W.Layout(width="auto"))
            actions += [show, hide]
        super().__init__([*parts, W.HBox(actions, layout=W.Layout(flex_flow="row wrap")),
                          self.shown])

    def _override(self, done: Done) -> None:
        self._on_override(self.activity_id, self.pick.value, str(self.o_crit.value),
                          int(self.o_score.value), done)

    def label(self, pid: int, kind: str | None = None) -> str:
        if self.board.names:
            return self.board.names.get(pid, str(pid))
        order = {p: i for i, p in enumerate(sorted(self.board.drafts), 1)}
        return f"{kind or _(PLAN)} #{order.get(pid, 0)}"

    def render(self, board: Board, people: int = 0) -> None:
        self.board = board
        options = [(self.label(a), a) for a in sorted(board.drafts)]
        if list(self.pick.options) != options:
            self.pick.options = options
        if self.review is None:
            self.summary.value = (_("<div class='kit-card'>已提交方案 <b>{n}</b> 份").format(
                                      n=len(board.drafts))
                                  + (_(" / 在场 {people} 人").format(
                                         people=people) if people else "") + "</div>")
        else:
            self._tables()
        self._project()

    def _tables(self) -> None:
        assert self.rubric is not None
        b, crit = self.board, self.rubric.criteria
        per = {a: [r.scores for r in b.reviews if r.author == a] for a in b.drafts}
        self.summary.value = (_("<div class='kit-card'>方案 <b>{n}</b> 份,评审 <b>{n2}</b> 份;"
                                "每份方案的评审数:").format(n=len(b.drafts), n2=len(b.reviews))
                              + _("、").join(f"{esc(self.label(a))} {len(v)}"
                                             for a, v in per.items())
                              + "</div>")
        head = "".join(f"<th>{esc(c.name)}</th>" for c in crit)
        rows = ""
        for a, scores in per.items():
            med = medians(scores)
            cells = "".join(f"<td>{b.overrides.get((a, c.id), med.get(c.id, '—'))}"
                            f"{'*' if (a, c.id) in b.overrides else ''}</td>" for c in crit)
            rows += f"<tr><th>{esc(self.label(a))}</th>{cells}</tr>"
        self.scores.value = (_("<b>成绩表</b>(中位数,* 为讲师改判)<table class='kit-table'><tr>"
                               "<th></th>{head}</tr>{rows}</table>").format(
                                 head=head, rows=rows))
        rel = reliability([(r.reviewer, r.author, r.scores) for r in b.reviews],
                          dict(b.calibrations))
        trainee = _("学员")
        lines = "".join(f"<tr><td>{esc(self.label(r.reviewer, trainee))}</td><td>{r.reviews}</td>"
                        f"<td>{_n(r.from_consensus)}</td><td>{_n(r.from_key)}</td></tr>"
                        for r in rel)
        self.reliab.value = (_("<b>评审者可靠性</b>(平均偏差,越小越好)<table class='kit-table'>"
                               "<tr><th>评审者</th><th>评审数</th><th>与共识</th><th>"
                               "与校准答案</th></tr>{lines}</table>").format(
                                 lines=lines))
        flagged = [r for r in b.reviews if r.flag]
        self.flags.value = (_("<b>被标记的评审</b><ul>") + "".join(
            f"<li>{esc(self.label(r.author))}:{esc(r.comment)}({_flag(r.flag)})"
            "</li>" for r in flagged) + "</ul>") if flagged else ""

    def _project(self) -> None:
        author = self.pick.value
        sections = self.board.drafts.get(author, {}) if author is not None else {}
        label = self.label(author) if author is not None else ""
        value = draft_html(self.template, sections, label) if sections else ""
        if self.shown.value != value:
            self.shown.value = value


def _n(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def _flag(flag: str | None) -> str:
    return _(FLAGS[flag]) if flag in FLAGS else ""
