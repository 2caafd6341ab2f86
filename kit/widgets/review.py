"""Peer review for trainees: calibrate (optional), review drafts blind, then see feedback."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import ipywidgets as W

from kit.content import Course
from kit.content.rubric_models import DraftActivity, PeerReviewActivity
from kit.i18n import N_, _, title_of
from kit.state.activity import ActivityState
from kit.state.common import Done
from kit.state.events import ReviewEvents, WorkEvents
from kit.state.review import Calibrating, Reviewing, ReviewState, allocation_item, calibration_item
from kit.widgets._base import ActionButton, Notice, View, error_boundary, esc, replace_children
from kit.widgets.draft_text import draft_html
from kit.widgets.feedback_peer import PeerFeedback
from kit.widgets.rubric import RubricInput
from kit.widgets.saved import SavedMark

HELP = N_("双盲互评:您看不到作者是谁,作者也看不到是谁评的。请按量规逐条打分,并写一句具体建议。")
TEXT = {"waiting": N_("互评尚未开始。"), "closed": N_("互评已结束,等待讲师公布结果。"),
        "solo": N_("同伴互评需要在现场工作坊中进行。")}


class ReviewView(View):
    def __init__(self, course: Course, activity_id: str, events: ReviewEvents | None = None,
                 work: WorkEvents | None = None) -> None:
        act = course.activity(activity_id)
        assert isinstance(act, PeerReviewActivity)
        draft = course.activity(act.of)
        assert isinstance(draft, DraftActivity)
        self.act, self.activity_id = act, activity_id
        self.events, self.work = events or ReviewEvents(), work or WorkEvents()
        self.rubric, self.template = course.rubrics[act.rubric], course.templates[draft.template]
        self.notice, self.body, self.progress, self.mark = Notice(), W.VBox(), W.HTML(), SavedMark()
        self.rubric_input: RubricInput | None = None
        self.comment: W.Textarea | None = None
        self._screen: Any = None
        super().__init__([W.HTML(f"<h3>{esc(title_of(act))}</h3><small>{esc(_(HELP))}</small>"),
                          self.progress, self.notice, self.body, self.mark])
        self.add_class("kit-activity")
        if events is None:
            self._text("solo")

    def render(self, state: ActivityState) -> None:
        self.mark.render(state.saved_at, state.unsaved)
        review = state.review
        if review is None:
            return
        self.progress.value = _progress(review)
        screen = (review.step, review.reviewing and review.reviewing.allocation_id,
                  review.calibrating and (review.calibrating.exemplar_id,
                                          review.calibrating.result is not None),
                  review.feedback)
        if screen == self._screen:
            return
        self._screen = screen
        if review.step == "calibrate" and review.calibrating is not None:
            return self._calibrate(review.calibrating)
        if review.step == "review" and review.reviewing is not None:
            return self._review(review.reviewing)
        if review.step == "feedback" and review.feedback is not None:
            return replace_children(self.body, [PeerFeedback(review.feedback, self.events.flag)])
        if review.step == "done":
            return self._done(review)
        return self._text(review.step)

    def _text(self, step: str) -> None:
        text = _(TEXT[step]) if step in TEXT else ""
        replace_children(self.body, [W.HTML(f"<p>{esc(text)}</p>")])

    def _scores_changed(self, item: str) -> None:
        if self.rubric_input is not None:
            comment = self.comment.value if self.comment is not None else ""
            self.work.change(item, {"scores": self.rubric_input.scores, "comment": comment})

    def _rubric(self, item: str, scores: Mapping[str, int]) -> RubricInput:
        self.rubric_input = RubricInput(self.rubric, lambda: self._scores_changed(item))
        self.rubric_input.set_scores(scores)
        return self.rubric_input

    def _calibrate(self, cal: Calibrating) -> None:
        ex = W.HTML(draft_html(self.template, cal.sections, _("范例")))
        rubric = self._rubric(calibration_item(cal.exemplar_id), cal.scores)
        parts: list[W.Widget] = [W.HTML(_("<b>先校准:请为这份讲师已评分的范例打分。</b>")), ex,
                                 rubric]
        self.comment = None
        if cal.result is None:
            parts.append(ActionButton(_("提交校准评分"), self._send_calibration,
                                      button_style="primary"))
        else:
            r = cal.result
            rows = "".join(_("<li>{name}:您 {x},讲师 {x2}</li>").format(
                               name=esc(c.name), x=r.mine.get(c.id, '—'),
                               x2=r.instructor.get(c.id, '—')) for c in self.rubric.criteria)
            dev = "—" if r.deviation is None else f"{r.deviation:.2f}"
            parts += [W.HTML(_("<div class='kit-card'>平均偏差 {dev} 级<ul>{rows}</ul>讲师评语:"
                               "{comment}</div>").format(
                                 dev=dev, rows=rows, comment=esc(r.comment))),
                      ActionButton(_("开始评审同伴的方案"), self.events.start,
                                   button_style="primary")]
            rubric.set_enabled(False)
        replace_children(self.body, parts)

    @error_boundary
    def _send_calibration(self, done: Done) -> None:
        assert self.rubric_input is not None
        self.events.calibrate(self.rubric_input.scores, done)

    def _review(self, rev: Reviewing) -> None:
        item = allocation_item(rev.allocation_id)
        rubric = self._rubric(item, rev.scores)
        self.comment = W.Textarea(value=rev.comment, placeholder=_("一句具体、友善的建议(必填)"),
                                  layout=W.Layout(width="100%"))
        self.comment.observe(lambda _: self._scores_changed(item), "value")
        send = ActionButton(_("提交评审"), self._send_review, button_style="primary")
        replace_children(self.body, [W.HTML(draft_html(self.template, rev.sections, _("待评方案"))),
                                     rubric, self.comment, send])

    @error_boundary
    def _send_review(self, done: Done) -> None:
        assert self.rubric_input is not None and self.comment is not None
        self.events.review(self.rubric_input.scores, self.comment.value, done)

    def _done(self, review: ReviewState) -> None:
        if review.target == 0:
            text = _("目前还没有可供您评审的同伴方案。同伴提交方案后,可点击下方按钮再看一次。")
        else:
            text = _('您已完成全部 {done} 份评审,感谢!').format(done=review.done)
        parts: list[W.Widget] = [W.HTML(f"<div class='kit-card'>{esc(text)}</div>")]
        if review.done < self.act.reviews_per_reviewer:
            parts.append(ActionButton(_("再看看有没有新方案"), self.events.start,
                                      layout=W.Layout(width="auto")))
        replace_children(self.body, parts)


def _progress(review: ReviewState) -> str:
    if review.step in ("feedback", "solo", "waiting") or review.target == 0:
        return ""
    if review.done >= review.target:
        return _("<b class='kit-ok'>✔ 已完成 {done} / {target} 份</b>").format(
                   done=review.done, target=review.target)
    return _('已完成 {done} / {target} 份').format(done=review.done, target=review.target)
