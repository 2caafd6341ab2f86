"""Peer review on a trainee's page: calibrate (optional), review drafts blind, read feedback.

Work in progress is autosaved like any other work (items named by
:func:`kit.state.review.allocation_item` and :func:`~kit.state.review.calibration_item`), so a
reload brings rubric picks and comments back.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from kit.content.rubric_models import PeerReviewActivity
from kit.i18n import N_, _
from kit.live import review_steps as steps
from kit.logic.peer import deviation
from kit.logic.phases import Phase
from kit.logic.text import InputProblem, clean_text, is_blank
from kit.state.common import Done, Note, Seat, noop
from kit.state.review import (
    CalibrationResult,
    ReviewState,
    allocation_item,
)
from kit.store import Store, peer

if TYPE_CHECKING:
    from kit.live.trainee import TraineeController

FLAG_NAMES = {"unhelpful": N_("没有帮助"), "inappropriate": N_("不恰当")}


class ReviewFlow:
    def __init__(self, page: TraineeController) -> None:
        self.page = page
        self._seen: tuple[str, Phase] | None = None

    @property
    def act(self) -> PeerReviewActivity | None:
        shown = self.page.state.activity
        if shown is None or shown.kind != "peer_review":
            return None
        act = self.page.course.activity(shown.id)
        assert isinstance(act, PeerReviewActivity)
        return act

    def follow(self) -> None:
        """The activity or its phase changed: work out what the reviewer sees now."""
        act, shown = self.act, self.page.state.activity
        if act is None or shown is None or self._seen == (act.id, shown.phase):
            return
        self._seen = (act.id, shown.phase)
        if shown.phase == Phase.OPEN:
            return self._begin(act)
        if shown.phase == Phase.REVEALED:
            return self._feedback(act)
        return self._run(act, lambda store, seat: replace(
            steps.progress(store, seat, act), step="closed"), what="读取互评进度")

    def _run(self, act: PeerReviewActivity, job: Any, done: Done = noop,
             what: str = "互评", note: Note | None = None) -> None:
        """``job(store, seat)`` off the loop; its ReviewState (and ``note``) shown after."""
        seat = self.page.seat
        if seat is None:
            return done()

        def show(review: ReviewState) -> None:
            self.page.set_activity(review=review)
            if note is not None:
                self.page.on_problem(note)

        self.page.call(lambda store: job(store, seat), show, done, what=what)
        return None

    # -- calibration -----------------------------------------------------------------------
    def _begin(self, act: PeerReviewActivity) -> None:
        course = self.page.course
        self._run(act, lambda store, seat: steps.begin(store, course, seat, act),
                  what="开始互评")

    def calibrate(self, scores: Mapping[str, int], done: Done = noop) -> None:
        act, review = self.act, self._state()
        if act is None or review is None or review.calibrating is None:
            return done()
        cal = review.calibrating
        ex = self.page.course.exemplars[cal.exemplar_id]
        missing = [c.name for c in self.page.course.rubrics[act.rubric].criteria
                   if c.id not in scores]
        if missing:
            self.page.on_problem(Note(_("请为每条标准打分:") + _("、").join(missing), "error"))
            return done()

        def save(store: Store, seat: Seat) -> ReviewState:
            peer.calibrate(store, seat.workshop_id, seat.participant_id, act.id, cal.exemplar_id,
                           dict(scores))
            dev = deviation(scores, {k: float(v) for k, v in ex.scores.items()})
            result = CalibrationResult(dict(scores), dict(ex.scores), dev, ex.comment)
            return replace(review, calibrating=replace(cal, scores=dict(scores), result=result))

        self._run(act, save, done, what="提交校准评分")
        return None

    def start(self, done: Done = noop) -> None:
        """Ask for the next draft (after calibration, or to look again for new drafts)."""
        act = self.act
        if act is None:
            return done()
        self._run(act, lambda store, seat: steps.allocate(store, seat, act), done,
                  what="领取待评方案")
        return None

    # -- reviewing -------------------------------------------------------------------------
    def submit(self, scores: Mapping[str, int], comment: str, done: Done = noop) -> None:
        act, review = self.act, self._state()
        if act is None or review is None or review.reviewing is None:
            return done()
        missing = [c.name for c in self.page.course.rubrics[act.rubric].criteria
                   if c.id not in scores]
        if missing or is_blank(comment):
            self.page.on_problem(Note(_("请为每条标准打分并写下建议")
                                      + (":" + _("、").join(missing) if missing else ""), "error"))
            return done()
        try:
            text = clean_text(comment, 2000)
        except InputProblem as exc:
            self.page.on_problem(Note(str(exc), "error"))
            return done()
        allocation = review.reviewing.allocation_id

        def save(store: Store, seat: Seat) -> ReviewState:
            peer.review(store, allocation, seat.participant_id, dict(scores), text,
                        uuid.uuid4().hex)
            return steps.allocate(store, seat, act)

        self.page.autosave.dirty.pop((act.id, allocation_item(allocation)), None)
        self._run(act, save, done, what="提交评审", note=Note(_("评审已提交。"), "ok"))
        return None

    # -- feedback --------------------------------------------------------------------------
    def _feedback(self, act: PeerReviewActivity) -> None:
        course = self.page.course
        self._run(act, lambda store, seat: steps.feedback(store, course, seat, act),
                  what="读取互评结果")

    def flag(self, review_id: int, kind: str, done: Done = noop) -> None:
        act, review = self.act, self._state()
        if act is None or review is None or review.feedback is None:
            return done()
        feedback = review.feedback

        def mark(store: Store, seat: Seat) -> ReviewState:
            author = peer.draft_author(store, seat.workshop_id, act.of, seat.participant_id,
                                       seat.group_no)
            peer.flag(store, review_id, author, kind)
            comments = tuple(replace(c, flag=kind) if c.review_id == review_id else c
                             for c in feedback.comments)
            return replace(review, feedback=replace(feedback, comments=comments))

        self._run(act, mark, done, what="标记评审",
                  note=Note(_("已标记,讲师会看到这条评审。"), "ok"))
        return None

    def _state(self) -> ReviewState | None:
        shown = self.page.state.activity
        return shown.review if shown is not None else None

