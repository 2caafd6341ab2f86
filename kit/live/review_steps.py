"""What a reviewer's screen needs from the store, step by step. Each function runs off the
loop (inside a page call) and returns the :class:`ReviewState` to show."""

from __future__ import annotations

from dataclasses import replace

from kit.content import Course
from kit.content.rubric_models import PeerReviewActivity
from kit.logic.peer import medians
from kit.state.common import Seat
from kit.state.review import (
    Calibrating,
    Comment,
    CriterionResult,
    Feedback,
    Reviewing,
    ReviewState,
    allocation_item,
    calibration_item,
)
from kit.store import Store, participants, peer, work


def progress(store: Store, seat: Seat, act: PeerReviewActivity) -> ReviewState:
    done, target = peer.progress(store, seat.workshop_id, act.id, act.of, seat.participant_id,
                                 act.reviews_per_reviewer)
    return ReviewState("waiting", done, target)


def exemplar_of(course: Course, act: PeerReviewActivity) -> str | None:
    """The instructor-scored exemplar to calibrate on first, if the activity asks for one."""
    if not act.calibration:
        return None
    return next((e.id for e in course.exemplars.values() if e.rubric == act.rubric), None)


def begin(store: Store, course: Course, seat: Seat, act: PeerReviewActivity) -> ReviewState:
    """Calibration first (if asked and not done in this workshop), else the first draft."""
    exemplar = exemplar_of(course, act)
    if exemplar is not None:
        done = {c.exemplar_id for c in peer.calibration_scores(store, seat.workshop_id, act.id)
                if c.participant_id == seat.participant_id}
        if exemplar not in done:
            saved = work.restore(store, seat.participant_id, act.id)
            scores = saved.get(calibration_item(exemplar), {}).get("scores", {})
            ex = course.exemplars[exemplar]
            return replace(progress(store, seat, act), step="calibrate",
                           calibrating=Calibrating(exemplar, ex.sections, scores))
    return allocate(store, seat, act)


def allocate(store: Store, seat: Seat, act: PeerReviewActivity) -> ReviewState:
    """The reviewer's open allocation, or a new one: fewest reviews first, not their own; the
    picks and comment they had made on it come back from autosave."""
    got = peer.next_allocation(store, seat.workshop_id, act.id, act.of, seat.participant_id,
                               act.reviews_per_reviewer)
    now = progress(store, seat, act)
    if got is None:
        return replace(now, step="done")
    participants.touch(store, seat.participant_id, act.id, "reviewing")
    subs = work.mine(store, got.author_id, act.of)
    sections = next(iter(subs.values())).payload.get("sections", {}) if subs else {}
    saved = work.restore(store, seat.participant_id, act.id).get(allocation_item(got.id), {})
    return replace(now, step="review", reviewing=Reviewing(
        got.id, sections, saved.get("scores", {}), saved.get("comment", "")))


def feedback(store: Store, course: Course, seat: Seat, act: PeerReviewActivity) -> ReviewState:
    """What the author (or their group) received: the median per criterion, or the
    instructor's score where they overrode it, and the comments."""
    author = peer.draft_author(store, seat.workshop_id, act.of, seat.participant_id,
                               seat.group_no)
    got = peer.received(store, seat.workshop_id, act.id, author)
    fixed = peer.overridden(store, seat.workshop_id, act.id)
    med = medians([r.scores for r in got])
    crit = tuple(CriterionResult(c.name, str(fixed.get((author, c.id), _num(med.get(c.id)))),
                                 (author, c.id) in fixed)
                 for c in course.rubrics[act.rubric].criteria)
    comments = tuple(Comment(r.id, r.comment) for r in got)
    return ReviewState("feedback", feedback=Feedback(len(got), crit, comments))


def _num(value: float | None) -> str:
    if value is None:
        return "—"
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"
