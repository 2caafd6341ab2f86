"""The store, the same tests on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from kit.logic.text import InputProblem
from kit.store import Store, activities, participants, work, workshops
from kit.store.schema import SCHEMA_VERSION, meta
from kit.store.schema import workshops as workshops_table


def test_schema_carries_a_version(store: Store) -> None:
    version = store.read(lambda c: c.execute(select(meta.c.value).where(
        meta.c.key == "schema_version")).scalar())
    assert version == str(SCHEMA_VERSION)
    Store(store.url).dispose()  # opening again is harmless


def test_workshop_code_and_key(store: Store) -> None:
    w, key = workshops.create(store, "  支行  消保 培训 ", (3, 6))
    assert w.title == "支行 消保 培训" and w.modules == (3, 6)
    assert 4 <= len(w.code) <= 6
    assert workshops.by_code(store, w.code.lower().replace("", " ")) == w
    assert workshops.open_as_instructor(store, w.code, key.lower()) == w
    with pytest.raises(workshops.AccessDenied):
        workshops.open_as_instructor(store, w.code, "WRONG-KEY")
    stored = store.read(lambda c: c.execute(select(workshops_table.c.key_hash)).scalar())
    assert key not in stored and len(stored) == 64


def test_join_resume_and_name_collision(store: Store) -> None:
    w, _ = workshops.create(store, "t", (3,))
    p, token = participants.join(store, w.id, " 张三 ")
    assert p.name == "张三" and len(token) >= 22
    assert participants.by_token(store, w.id, token) == p
    assert participants.by_token(store, w.id, token + "x") is None
    other, _ = workshops.create(store, "t2", (3,))
    assert participants.by_token(store, other.id, token) is None
    with pytest.raises(participants.NameTaken, match="已在本场"):
        participants.join(store, w.id, "张三")
    with pytest.raises(InputProblem, match="请输入"):
        participants.join(store, w.id, "   ")


def test_hub_user_joins_as_the_same_person(store: Store) -> None:
    w, _ = workshops.create(store, "t", (3,))
    a, t1 = participants.join(store, w.id, "", hub_user="zhang.san")
    b, t2 = participants.join(store, w.id, "", hub_user="zhang.san")
    assert a.id == b.id and t1 != t2
    assert participants.by_token(store, w.id, t1) == participants.by_token(store, w.id, t2)


def test_activity_pacing_bumps_revision(store: Store) -> None:
    w, _ = workshops.create(store, "t", (3,))
    rev = store.read(lambda c: workshops.revision(c, w.id))
    assert activities.set_state(store, w.id, "a", "open") == "open"
    assert activities.set_state(store, w.id, "a", "open") == "open"  # second click: no-op
    assert activities.set_state(store, w.id, "a", "closed") == "closed"
    with pytest.raises(activities.BadTransition):
        activities.set_state(store, w.id, "a", "waiting")
    state = workshops.live_state(store, w.id)
    assert state.states == {"a": "closed"} and state.rev == rev + 2


def test_submissions_are_versioned_and_idempotent(store: Store) -> None:
    w, _ = workshops.create(store, "t", (3,))
    p, _ = participants.join(store, w.id, "李四")
    with pytest.raises(work.ActivityNotOpen, match="尚未开放"):
        work.submit(store, w.id, p.id, "a", "c1", {"x": 1}, "k0")
    activities.set_state(store, w.id, "a", "open")
    first = work.submit(store, w.id, p.id, "a", "c1", {"x": 1}, "k1")
    assert work.submit(store, w.id, p.id, "a", "c1", {"x": 1}, "k1") == first
    assert work.submit(store, w.id, p.id, "a", "c1", {"x": 1}, "k2") == first
    second = work.submit(store, w.id, p.id, "a", "c1", {"x": 2}, "k3")
    assert (first.version, second.version) == (1, 2)
    assert [s.version for s in work.latest(store, w.id, "a")] == [2]
    activities.set_state(store, w.id, "a", "closed")
    with pytest.raises(work.ActivityNotOpen, match="已关闭"):
        work.submit(store, w.id, p.id, "a", "c1", {"x": 3}, "k4")


def test_autosave_round_trip_keeps_any_text(store: Store) -> None:
    w, _ = workshops.create(store, "t", (3,))
    p, _ = participants.join(store, w.id, "王五")
    text = "客户😀𠀀<script>alert(1)</script>" + "长" * 5000
    work.autosave(store, p.id, "a", "c1", {"draft": "v1"})
    work.autosave(store, p.id, "a", "c1", {"draft": text})
    assert work.restore(store, p.id, "a") == {"c1": {"draft": text}}


def test_groups_timer_and_message(store: Store) -> None:
    w, _ = workshops.create(store, "t", (3,))
    a, _ = participants.join(store, w.id, "甲")
    b, _ = participants.join(store, w.id, "乙")
    participants.set_groups(store, w.id, {a.id: 1, b.id: 2})
    assert [p.group_no for p in participants.roster(store, w.id)] == [1, 2]
    workshops.set_timer(store, w.id, 300, "分类练习")
    workshops.set_message(store, w.id, "  请  开始  ")
    state = workshops.live_state(store, w.id)
    assert state.message == "请 开始" and state.timer_end is not None
