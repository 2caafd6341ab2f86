"""What the console reads from the store each tick: rows, people, problems, the board on show.

Every query is scoped to one workshop: two workshops of the same module share activity ids,
and nothing of one may reach the other's console, projector or exports.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from kit.content import Course
from kit.content.rubric_models import PeerReviewActivity
from kit.i18n import N_, _, title_of
from kit.logic.pacing import current_activity
from kit.logic.peer import deviation
from kit.logic.phases import Phase
from kit.logic.roleplay_tree import latest_each
from kit.state.console import (
    Answer,
    Board,
    Person,
    Problem,
    ReviewRecord,
    Row,
    Timer,
    WorkshopInfo,
)
from kit.store import Store, events, participants, peer, roleplay, work, workshops
from kit.store.records import LiveState, Participant

IDLE_AFTER = 90.0


@dataclass(frozen=True)
class Overview:
    live: LiveState
    rows: tuple[Row, ...]
    current: str | None
    people: tuple[Person, ...]
    problems: tuple[Problem, ...]
    boards: dict[str, Board]


def read_overview(store: Store, course: Course, ws: WorkshopInfo, shown: tuple[str, ...],
                  names: bool, after_problem: int) -> Overview:
    """Everything the console shows; results (boards) only for the activities in ``shown``."""
    live = workshops.live_state(store, ws.id)
    counts = answered(store, course, ws.id)
    acts = [a for m in course.modules if m.number in ws.modules for a in m.activities]
    rows = tuple(Row(a.id, title_of(a), a.kind, a.time_limit_min,
                     live.states.get(a.id, Phase.WAITING), counts.get(a.id, 0)) for a in acts)
    current = current_activity(live.states, live.changed)
    problems = tuple(Problem(e.id, e.created_at, e.role, e.summary, e.detail)
                     for e in events.recent(store, ws.id, after_problem))
    boards = {a: read_board(store, course, ws.id, a, live, names) for a in shown}
    return Overview(live, rows, current, people(store, course, ws.id, current), problems,
                    boards)


def answered(store: Store, course: Course, workshop_id: int) -> dict[str, int]:
    """activity → how many took part: submitted an answer or a draft, gave a review, or
    finished a role-play (alone, or in the group that played it)."""
    played = {a: len(who) for a, who in roleplay.finishers(store, workshop_id).items()}
    return work.answered(store, workshop_id) | peer.reviewers(store, workshop_id) | played


def people(store: Store, course: Course, workshop_id: int,
           current: str | None) -> tuple[Person, ...]:
    """Who is here and what they are doing in the current activity."""
    done: set[int] = set()
    word = N_("已提交")
    if current and course.activity(current).kind == "roleplay":
        done, word = roleplay.finishers(store, workshop_id).get(current, set()), N_("已完成演练")
    elif current:
        done = work.submitters(store, workshop_id, current)
    now = time.time()
    return tuple(Person(p.id, p.name, p.group_no,
                        _status(p, current, p.id in done, now, word))
                 for p in participants.roster(store, workshop_id))


def _status(p: Participant, current: str | None, done: bool, now: float,
            word: str = N_("已提交")) -> str:
    if now - p.last_seen > IDLE_AFTER:
        return _("离开或空闲")
    if current is None:
        return _("等待中")
    if done:
        return _(word)
    if p.activity_id == current and p.status in ("working", "reviewing"):
        return _("互评中") if p.status == "reviewing" else _("作答中")
    return _("未开始")


def read_board(store: Store, course: Course, workshop_id: int, activity_id: str,
               live: LiveState, names: bool) -> Board:
    act = course.activity(activity_id)
    phase = live.states.get(activity_id, Phase.WAITING)
    if act.kind == "roleplay":
        return _roleplay_board(store, workshop_id, activity_id, phase,
                               bool(getattr(act, "group", False)))
    who = {p.id: p.name for p in participants.roster(store, workshop_id)} if names else {}
    if act.kind in ("classify", "quiz", "poll"):
        answers = tuple(Answer(s.participant_id, s.item_id, s.payload.get("answer", {}))
                        for s in work.latest(store, workshop_id, activity_id))
        return Board(activity_id, phase, answers, names=who)
    review = act if isinstance(act, PeerReviewActivity) else None
    draft_id = review.of if review else activity_id
    drafts = {s.participant_id: s.payload.get("sections", {})
              for s in work.latest(store, workshop_id, draft_id)}
    if review is None:
        return Board(activity_id, phase, drafts=drafts, names=who)
    got = tuple(ReviewRecord(r.id, r.reviewer, r.author, r.scores, r.comment, r.flag)
                for r in peer.all_reviews(store, workshop_id, activity_id))
    return Board(activity_id, phase, drafts=drafts, reviews=got, names=who,
                 overrides=peer.overridden(store, workshop_id, activity_id),
                 calibrations=_calibration(store, course, workshop_id, review))


def _roleplay_board(store: Store, workshop_id: int, activity_id: str, phase: Phase,
                    groups: bool) -> Board:
    """The class's paths: one per trainee, or one per group when the groups played."""
    plays = roleplay.for_activity(store, workshop_id, activity_id)
    owners = [((p.group_no is not None, p.group_no or p.participant_id), p.attempt)
              for p in plays]
    return Board(activity_id, phase, plays=latest_each(owners), groups=groups)


def _calibration(store: Store, course: Course, workshop_id: int,
                 act: PeerReviewActivity) -> dict[int, float]:
    out: dict[int, float] = {}
    for cal in peer.calibration_scores(store, workshop_id, act.id):
        ex = course.exemplars.get(cal.exemplar_id)
        dev = deviation(cal.scores, {k: float(v) for k, v in ex.scores.items()}) if ex else None
        if dev is not None:
            out[cal.participant_id] = dev
    return out


def timer_of(live: LiveState) -> Timer:
    return Timer(live.timer_end, live.timer_label, live.timer_paused)
