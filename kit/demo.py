"""``python -m kit demo``: a workshop filled by simulated trainees, straight through the store."""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass

from kit.content import Course
from kit.i18n import _
from kit.logic.questions import for_activity
from kit.logic.simulate import Persona, answer, draft, personas
from kit.store import Store, activities, participants, peer, work, workshops


@dataclass(frozen=True)
class Seat:
    """A simulated trainee's place in the workshop: submits go straight to the store."""

    store: Store
    workshop_id: int
    participant_id: int

    def submit(self, activity_id: str, item_id: str, payload: dict[str, object]) -> None:
        work.submit(self.store, self.workshop_id, self.participant_id, activity_id, item_id,
                    payload, uuid.uuid4().hex)


@dataclass(frozen=True)
class DemoResult:
    code: str
    key: str
    trainees: int
    submissions: int


def run_demo(course: Course, store: Store, trainees: int, modules: tuple[int, ...],
             seed: int = 7) -> DemoResult:
    ws, key = workshops.create(store, _("演示工作坊(模拟学员)"), modules)
    rnd = random.Random(seed)
    seats = [(p, Seat(store, ws.id, participants.join(store, ws.id, p.name)[0].id))
             for p in personas(trainees, seed)]
    acts = [a for m in course.modules if m.number in modules for a in m.activities]
    count = 0
    for act in acts:
        activities.set_state(store, ws.id, act.id, "open")
        for persona, seat in seats:
            count += _work(course, act.id, persona, seat, rnd)
        if act is not acts[-1]:
            activities.set_state(store, ws.id, act.id, "closed")
    return DemoResult(ws.code, key, trainees, count)


def _work(course: Course, activity_id: str, persona: Persona, seat: Seat,
          rnd: random.Random) -> int:
    act = course.activity(activity_id)
    if rnd.random() > 0.9:  # someone is always late or absent
        return 0
    if act.kind == "roleplay":  # attempts are not stored yet: nothing to simulate
        return 0
    if act.kind == "peer_review":
        return _review(course, activity_id, persona, seat, rnd)
    if act.kind == "draft":
        case = course.cases[act.cases[0]]
        text = draft(course.templates[act.template], dict(case.model_plan), persona, rnd)
        seat.submit(act.id, case.id, {"sections": text})
        return 1
    done = 0
    for q in for_activity(course, act.id):
        seat.submit(act.id, q.id, {"answer": answer(q, persona, rnd)})
        done += 1
    return done


def _review(course: Course, activity_id: str, persona: Persona, seat: Seat,
            rnd: random.Random) -> int:
    act = course.activity(activity_id)
    assert act.kind == "peer_review"
    rubric, done = course.rubrics[act.rubric], 0
    while (alloc := peer.next_allocation(seat.store, seat.workshop_id, act.id, act.of,
                                         seat.participant_id, act.reviews_per_reviewer)):
        scores = {c.id: rnd.choice(rubric.scores[1:] if rnd.random() < persona.skill
                                   else rubric.scores) for c in rubric.criteria}
        peer.review(seat.store, alloc.id, seat.participant_id, scores,
                    rnd.choice(COMMENTS), uuid.uuid4().hex)
        done += 1
    return done


COMMENTS = ("共情表达到位,建议补充具体的回复时限。", "解决方案清楚,但没有告知客户核查和调解途径。",
            "开头先解释规定,客户可能更生气,建议先道歉再说明。", "回访安排很具体,值得学习。")
