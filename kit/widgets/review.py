"""Peer review for trainees: calibrate (optional), review k drafts blind, then see feedback."""

from __future__ import annotations

import uuid

import ipywidgets as W

from kit.content import Course
from kit.live.seat import Seat
from kit.logic.peer import deviation
from kit.logic.text import clean_text, is_blank
from kit.store import peer, work
from kit.widgets._base import Notice, error_boundary, esc
from kit.widgets.draft_text import draft_html
from kit.widgets.feedback_peer import PeerFeedback
from kit.widgets.rubric import RubricInput

HELP = "双盲互评:您看不到作者是谁,作者也看不到是谁评的。请按量规逐条打分,并写一句具体建议。"


class ReviewView(W.VBox):
    def __init__(self, course: Course, activity_id: str, seat: Seat | None) -> None:
        act = course.activity(activity_id)
        assert act.kind == "peer_review"
        self.course, self.act, self.activity_id, self.seat = course, act, activity_id, seat
        self.rubric = course.rubrics[act.rubric]
        self.template = course.templates[course.activity(act.of).template]  # type: ignore[union-attr]
        self.phase = "open"
        self.allocation: peer.Allocation | None = None
        self.notice, self.body = Notice(), W.VBox()
        self.progress = W.HTML()
        super().__init__([W.HTML(f"<h3>{esc(act.title)}</h3><small>{esc(HELP)}</small>"),
                          self.progress, self.notice, self.body])
        if seat is None:
            self.body.children = [W.HTML("<p>同伴互评需要在现场工作坊中进行。</p>")]

    def flush(self, now: float | None = None, debounce: float = 1.0) -> int:
        return 0

    def apply_state(self, state: str) -> None:
        if self.seat is None or (state == self.phase and self.body.children):
            return
        self.phase = state
        if state == "revealed":
            self.body.children = [PeerFeedback(self.course, self.act.id, self.seat)]
        elif state == "open":
            self._start()
        else:
            self.body.children = [W.HTML("<p>互评已结束,等待讲师公布结果。</p>")]

    def _start(self) -> None:
        assert self.seat is not None
        exemplar = next((e for e in self.course.exemplars.values()
                         if e.rubric == self.act.rubric), None)
        done = {e for pid, e, _s in peer.calibration_scores(self.seat.store, self.act.id)
                if pid == self.seat.participant_id}
        if self.act.calibration and exemplar is not None and exemplar.id not in done:
            self._calibrate(exemplar.id)
        else:
            self.next()

    def _calibrate(self, exemplar_id: str) -> None:
        ex = self.course.exemplars[exemplar_id]
        rubric_input = RubricInput(self.rubric)
        go = W.Button(description="提交校准评分", button_style="primary")
        result = W.HTML()
        go.on_click(lambda _: self.calibrate(exemplar_id, rubric_input, result))
        self.body.children = [W.HTML("<b>先校准:请为这份讲师已评分的范例打分。</b>"),
                              W.HTML(draft_html(self.template, ex.sections, "范例")),
                              rubric_input, go, result]

    @error_boundary
    def calibrate(self, exemplar_id: str, rubric_input: RubricInput, result: W.HTML) -> None:
        assert self.seat is not None
        if rubric_input.missing():
            self.notice.show("请为每条标准打分:" + "、".join(rubric_input.missing()), "error")
            return
        ex = self.course.exemplars[exemplar_id]
        peer.calibrate(self.seat.store, self.seat.participant_id, self.act.id, exemplar_id,
                       rubric_input.scores)
        rows = "".join(f"<li>{esc(c.name)}:您 {rubric_input.scores[c.id]},讲师 {ex.scores[c.id]}"
                       f"</li>" for c in self.rubric.criteria)
        dev = deviation(rubric_input.scores, {k: float(v) for k, v in ex.scores.items()})
        next_button = W.Button(description="开始评审同伴的方案")
        next_button.on_click(lambda _: self.next())
        result.value = (f"<div class='kit-card'>平均偏差 {dev:.2f} 级<ul>{rows}</ul>"
                        f"讲师评语:{esc(ex.comment)}</div>")
        self.body.children = [*self.body.children, next_button]

    @error_boundary
    def next(self) -> None:
        """Ask for the next draft: the one with the fewest reviews that is not yours."""
        assert self.seat is not None
        seat, act = self.seat, self.act
        self.allocation = peer.next_allocation(seat.store, seat.workshop_id, act.id, act.of,
                                               seat.participant_id, act.reviews_per_reviewer)
        mine = len(peer.reviews_given(seat.store, act.id, seat.participant_id))
        self.progress.value = f"已完成 {mine} / {act.reviews_per_reviewer} 份"
        if self.allocation is None:
            self.body.children = [W.HTML("<p>暂时没有可评审的方案了,感谢您的评审!</p>")]
            return
        seat.mark(act.id, "reviewing")
        self._show_draft(self.allocation.author_id)

    def _show_draft(self, author: int) -> None:
        assert self.seat is not None
        subs = work.mine(self.seat.store, author, self.act.of)
        sections = next(iter(subs.values())).payload.get("sections", {}) if subs else {}
        self.rubric_input = RubricInput(self.rubric)
        self.comment = W.Textarea(placeholder="一句具体、友善的建议(必填)",
                                  layout=W.Layout(width="100%"))
        send = W.Button(description="提交评审", button_style="primary")
        send.on_click(lambda _: self.submit())
        self.body.children = [W.HTML(draft_html(self.template, sections, "待评方案")),
                              self.rubric_input, self.comment, send]

    @error_boundary
    def submit(self) -> None:
        assert self.seat is not None and self.allocation is not None
        missing = self.rubric_input.missing()
        if missing or is_blank(self.comment.value):
            self.notice.show("请为每条标准打分并写下建议"
                             + (":" + "、".join(missing) if missing else ""), "error")
            return
        peer.review(self.seat.store, self.allocation.id, self.seat.participant_id,
                    self.rubric_input.scores, clean_text(self.comment.value, 2000),
                    uuid.uuid4().hex)
        self.notice.show("评审已提交。", "ok")
        self.next()
