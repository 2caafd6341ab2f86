"""50 simulated trainees in 5 processes do a module: every submission there, counted once."""

from __future__ import annotations

import multiprocessing as mp
import random
import uuid
from collections import Counter

from kit.content import load_course
from kit.demo import Seat
from kit.logic.questions import for_activity
from kit.logic.simulate import answer, draft, personas
from kit.settings import REPO_ROOT
from kit.store import Store, activities, participants, peer, work, workshops

TRAINEES, PROCS = 50, 5
WORK = ("m3-daily-problems", "m3-plan", "m4-mood", "m4-media-plan", "m4-quadrant")
REVIEW = "m4-media-review"


def _phase(url: str, wid: int, names: list[str], review: bool,
           out: mp.Queue) -> None:  # type: ignore[type-arg]
    course, store, rnd = load_course(REPO_ROOT / "data"), Store(url), random.Random(len(names))
    done, errors = 0, []
    for persona in (p for p in personas(TRAINEES) if p.name in names):
        try:
            pid = next(p.id for p in participants.roster(store, wid) if p.name == persona.name) \
                if review else participants.join(store, wid, persona.name)[0].id
            seat = Seat(store, wid, pid)
            done += _review(course, seat) if review else _work(course, seat, persona, rnd)
        except Exception as exc:
            errors.append(repr(exc))
    store.dispose()
    out.put((done, errors))


def _work(course, seat, persona, rnd) -> int:  # type: ignore[no-untyped-def]
    n = 0
    for aid in WORK:
        act = course.activity(aid)
        if act.kind == "draft":
            case = course.cases[act.cases[0]]
            text = draft(course.templates[act.template], dict(case.model_plan), persona, rnd)
            seat.submit(aid, case.id, {"sections": {k: v or "略" for k, v in text.items()}})
            n += 1
            continue
        for q in for_activity(course, aid):
            given = {"answer": answer(q, persona, rnd)}
            for _ in range(2):  # a double click
                seat.submit(aid, q.id, given)
            n += 1
    return n


def _review(course, seat) -> int:  # type: ignore[no-untyped-def]
    act, n = course.activity(REVIEW), 0
    rubric = course.rubrics[act.rubric]
    while alloc := peer.next_allocation(seat.store, seat.workshop_id, REVIEW, act.of,
                                        seat.participant_id, act.reviews_per_reviewer):
        scores = {c.id: rubric.scores[-1] for c in rubric.criteria}
        peer.review(seat.store, alloc.id, seat.participant_id, scores, "好", uuid.uuid4().hex)
        n += 1
    return n


def run(url: str, wid: int, review: bool) -> list[tuple[int, list[str]]]:
    ctx = mp.get_context("spawn")
    out = ctx.Queue()
    names = [p.name for p in personas(TRAINEES)]
    procs = [ctx.Process(target=_phase, args=(url, wid, names[k::PROCS], review, out))
             for k in range(PROCS)]
    for p in procs:
        p.start()
    results = [out.get(timeout=600) for _ in procs]
    for p in procs:
        p.join()
    return results


def test_fifty_trainees_lose_and_duplicate_nothing(store_url: str) -> None:
    course, store = load_course(REPO_ROOT / "data"), Store(store_url)
    ws, _ = workshops.create(store, "负载", (3, 4))
    for aid in (*WORK, REVIEW):
        activities.set_state(store, ws.id, aid, "open")
    first = run(store_url, ws.id, review=False)
    assert all(not errors for _, errors in first), first
    expected = sum(1 if course.activity(a).kind == "draft" else len(for_activity(course, a))
                   for a in WORK)
    subs = work.all_versions(store, ws.id)
    assert len(subs) == TRAINEES * expected  # double clicks added nothing
    assert Counter(s.version for s in subs) == {1: TRAINEES * expected}
    second = run(store_url, ws.id, review=True)
    assert all(not errors for _, errors in second), second
    k = course.activity(REVIEW).reviews_per_reviewer  # type: ignore[union-attr]
    assert sum(n for n, _ in second) == TRAINEES * k
    got = [len(peer.received(store, ws.id, REVIEW, p.id))
           for p in participants.roster(store, ws.id)]
    assert sum(got) == TRAINEES * k and max(got) - min(got) <= 1
    store.dispose()
