"""Role-play attempts in the store (SQLite and PostgreSQL): an attempt only ever grows, a
repeated write adds nothing, and in a group exactly one member drives each attempt, even when
two reply at the same moment."""

from __future__ import annotations

import threading

import pytest

from kit.content import load_course
from kit.logic.roleplay_play import Practice
from kit.logic.roleplay_resume import current
from kit.settings import REPO_ROOT
from kit.store import Store, activities, participants, roleplay, roleplay_groups, workshops
from kit.store.work import ActivityNotOpen

COURSE = load_course(REPO_ROOT / "data")
SC = COURSE.scenarios["card-auto-installment"]
ACT = "m7-rp-card"


def moves(*path: int) -> Practice:
    practice = Practice.start(SC)
    for index in path:
        practice = practice.choose(index)
    return practice


def test_an_attempt_grows_never_shrinks_and_a_repeat_adds_nothing(store: Store) -> None:
    ws, _ = workshops.create(store, "记录", (7,))
    pid = participants.join(store, ws.id, "甲")[0].id
    with pytest.raises(ActivityNotOpen, match="尚未开放"):
        roleplay.save(store, ws.id, pid, ACT, current(moves(0))[0], False)
    activities.set_state(store, ws.id, ACT, "open")
    two = roleplay.save(store, ws.id, pid, ACT, current(moves(0, 0))[0], False)
    one = roleplay.save(store, ws.id, pid, ACT, current(moves(0))[0], False)
    again = roleplay.save(store, ws.id, pid, ACT, current(moves(0, 0))[0], False)
    assert one == two == again and len(two.attempt.steps) == 2
    other = roleplay.save(store, ws.id, pid, ACT, current(moves(1, 0))[0], False)
    assert other.attempt.choices == (0, 0)  # a diverging write does not replace the stored one
    assert [p.attempt.number for p in roleplay.mine(store, pid, ACT)] == [1]


def test_two_members_reply_at_once_and_one_drives(store: Store) -> None:
    ws, _ = workshops.create(store, "小组", (7,))
    ids = [participants.join(store, ws.id, n)[0].id for n in ("甲", "乙", "丙")]
    participants.set_groups(store, ws.id, {i: 1 for i in ids})
    activities.set_state(store, ws.id, ACT, "open")
    results: list[roleplay_groups.GroupSave] = []
    start = threading.Barrier(len(ids))

    def reply(pid: int, index: int) -> None:
        start.wait()
        attempt, finished = current(moves(index))
        results.append(roleplay_groups.save_group(store, ws.id, pid, ACT, 1, attempt, finished))

    threads = [threading.Thread(target=reply, args=(pid, i % 2)) for i, pid in enumerate(ids)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sum(r.saved for r in results) == 1
    plays = roleplay_groups.of_group(store, ws.id, ACT, 1)
    assert len(plays) == 1 and set(plays[0].play.members) == set(ids)
    assert {r.current.driver for r in results} == {plays[0].driver}
    assert all(r.current.play.id == plays[0].play.id for r in results)
