"""Live role-play without a browser: every reply stored, attempts restored after a reload,
replays kept, a group driven by one member and followed by the others, and the class's paths
on the console, the projector and the module cell."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest

from kit.content import load_course
from kit.content.scenario_models import Scenario
from kit.content.scenario_paths import explore, summarise
from kit.live.runner import Inline
from kit.logic.phases import Phase
from kit.logic.roleplay_play import begin, choose
from kit.logic.roleplay_resume import current
from kit.pages.cell import open_cell
from kit.pages.trainee import open_trainee
from kit.settings import REPO_ROOT
from kit.store import Store, participants, roleplay, roleplay_groups, sessions, workshops
from kit.testing import all_text, close, open_console_as, seat_trainee
from kit.widgets.roleplay import RoleplayView
from tests.widgets.test_projector import projector

REPO = load_course(REPO_ROOT / "data")
SOLO, GROUP = "m6-rp-apology", "m7-rp-card"
MADE: list[Any] = []


@pytest.fixture(autouse=True)
def close_views() -> Iterator[None]:
    yield
    close(*MADE)
    MADE.clear()


def scenario_of(activity_id: str) -> Scenario:
    return REPO.scenarios[REPO.activity(activity_id).scenario]  # type: ignore[union-attr]


def best_path(sc: Scenario) -> tuple[int, ...]:
    return summarise(explore(sc)).best_path


def forced_path(sc: Scenario) -> tuple[int, ...]:
    """The shortest path on which the mood forces an ending."""
    frontier = [((), begin(sc))]
    while frontier:
        path, state = frontier.pop(0)
        node = sc.node(state.node or "")
        for i in range(len(node.choices) if node else 0):
            after = choose(sc, state, i)
            if after.forced:
                return (*path, i)
            if not after.finished:
                frontier.append(((*path, i), after))
    raise AssertionError("no forced ending")


def room(store: Store) -> tuple[Any, Any]:
    ws, key = workshops.create(store, "滨江支行", (6, 7))
    con = open_console_as(REPO, store, ws.code, key)
    MADE.append(con)
    return ws, con


def seat(store: Store, code: str, name: str) -> Any:
    app = seat_trainee(REPO, store, code, name)
    MADE.append(app)
    return app


def view_of(app: Any) -> RoleplayView:
    app.controller.tick()
    view = app.page.view
    assert isinstance(view, RoleplayView)
    return view


def test_replies_are_stored_restored_after_a_reload_and_every_attempt_kept(
        sqlite_store: Store) -> None:
    ws, con = room(sqlite_store)
    app = seat(sqlite_store, ws.code, "王五")
    con.controller.actions.pace(SOLO, Phase.OPEN)
    view, sc = view_of(app), scenario_of(SOLO)
    path = best_path(sc)
    view.choose(path[0])
    view.choose(path[1])
    pid = app.controller.seat.participant_id
    stored = roleplay.mine(sqlite_store, pid, SOLO)
    assert [len(p.attempt.steps) for p in stored] == [2] and not stored[0].finished
    again = roleplay.save(sqlite_store, ws.id, pid, SOLO, stored[0].attempt, False)
    assert again.id == stored[0].id and len(roleplay.mine(sqlite_store, pid, SOLO)) == 1

    reload = open_trainee(REPO, lambda: sqlite_store, Inline(), autostart=False)
    MADE.append(reload)
    reload.bridge.query = app.bridge.url_query  # the same link: code and token
    back = view_of(reload)
    assert back.practice.state.steps == view.practice.state.steps
    assert back.practice.state.mood == view.practice.state.mood
    for index in path[2:]:
        back.choose(index)
    assert back.practice.state.finished and "得分 " in back.debrief.value
    back.replay()
    back.choose(forced_path(sc)[0])
    kept = roleplay.mine(sqlite_store, pid, SOLO)
    assert [(p.attempt.number, p.finished) for p in kept] == [(1, True), (2, False)]
    assert kept[0].attempt.score == summarise(explore(sc)).best
    assert kept[0].attempt.mood_trace[0] == sc.mood_start and kept[0].attempt.profile.skills
    con.controller.actions.pace(SOLO, Phase.CLOSED)
    reload.controller.tick()
    assert all(b.disabled for b in back.buttons)


def test_a_double_reply_adds_nothing_and_a_closed_activity_refuses_kindly(
        sqlite_store: Store) -> None:
    ws, con = room(sqlite_store)
    app = seat(sqlite_store, ws.code, "赵六")
    con.controller.actions.pace(SOLO, Phase.OPEN)
    view = view_of(app)
    attempt, _ = current(view.practice.choose(0))
    pid = app.controller.seat.participant_id
    first = roleplay.save(sqlite_store, ws.id, pid, SOLO, attempt, False)
    twice = roleplay.save(sqlite_store, ws.id, pid, SOLO, attempt, False)
    assert first == twice
    con.controller.actions.pace(SOLO, Phase.CLOSED)
    view.render(replace(app.controller.state.activity, phase=Phase.OPEN))  # a stale screen
    view.choose(0)
    assert "已结束" in view.notice.value + all_text(view)
    assert len(roleplay.mine(sqlite_store, pid, SOLO)) == 1
    assert view.practice.state.steps == ()


def test_a_group_plays_one_attempt_driven_by_one_member(sqlite_store: Store) -> None:
    ws, con = room(sqlite_store)
    a, b, c, d = (seat(sqlite_store, ws.code, n) for n in ("甲", "乙", "丙", "丁"))
    ids = [x.controller.seat.participant_id for x in (a, b, c, d)]
    participants.set_groups(sqlite_store, ws.id, {ids[0]: 1, ids[1]: 1, ids[2]: 2})
    con.controller.actions.pace(GROUP, Phase.OPEN)
    va, vb, vc, vd = view_of(a), view_of(b), view_of(c), view_of(d)
    assert "第一个点选回应的组员为本组操作" in vb.banner.value
    assert "你还没有分到小组，本次单独演练" in vd.banner.value
    vd.choose(0)                    # no group: plays alone
    assert len(roleplay.mine(sqlite_store, ids[3], GROUP)) == 1
    sc, path = scenario_of(GROUP), best_path(scenario_of(GROUP))
    va.choose(path[0])
    assert "你在为本组操作" in va.banner.value
    b.controller.tick()
    assert vb.practice.state.steps == va.practice.state.steps
    assert "由「甲」为本组操作" in vb.banner.value
    assert vb.reply_box.layout.display == "none"
    b.controller.roleplay.choose(path[1])  # not the driver: nothing happens
    assert len(vb.practice.state.steps) == 1 and vc.practice.state.steps == ()
    for index in path[1:]:
        va.choose(index)
    b.controller.tick()
    assert vb.practice.state.finished and "得分 " in vb.debrief.value
    plays = roleplay_groups.of_group(sqlite_store, ws.id, GROUP, 1)
    assert len(plays) == 1 and plays[0].play.finished and plays[0].driver == "甲"
    assert set(plays[0].play.members) == {ids[0], ids[1]}
    assert plays[0].play.attempt.choices == path
    vb.replay()                     # after the end anyone may start again and drive
    vb.choose(forced_path(sc)[0])
    a.controller.tick()
    assert "由「乙」为本组操作" in va.banner.value and len(va.practice.attempts) == 1
    assert [g.play.attempt.number for g in
            roleplay_groups.of_group(sqlite_store, ws.id, GROUP, 1)] == [1, 2]
    assert roleplay_groups.of_group(sqlite_store, ws.id, GROUP, 2) == []
    con.controller.actions.show(GROUP)
    con.controller.refresh()
    board = con.page.board.body.value  # the group's latest attempt and 丁 alone
    assert "已演练 <b>2</b> 组" in board and "走到结局 <b>0</b> 组" in board


def test_the_class_paths_on_console_projector_and_cell_counted_anonymously(
        sqlite_store: Store) -> None:
    ws, con = room(sqlite_store)
    names = ("甲一", "乙二", "丙三")
    apps = [seat(sqlite_store, ws.code, n) for n in names]
    sc = scenario_of(SOLO)
    best, forced = best_path(sc), forced_path(sc)
    con.controller.actions.pace(SOLO, Phase.OPEN)
    con.controller.actions.show(SOLO)
    for app, path in zip(apps, (best, forced, best[:1]), strict=True):
        view = view_of(app)
        for index in path:
            view.choose(index)
    con.controller.refresh()
    board = con.page.board.body.value
    first = sc.node(sc.start).choices  # type: ignore[union-attr]
    assert "已演练 <b>3</b> / 3 人" in board and "走到结局 <b>2</b> 人" in board
    assert best[0] != forced[0]  # two branches at the first reply: 2 and 1
    assert f"2 人</span><span>{first[best[0]].text[:10]}" in board
    assert f"1 人</span><span>{first[forced[0]].text[:10]}" in board
    assert "情绪失控 ×1" in board and "情绪在哪里失控" in board
    row = next(r for r in con.controller.state.rows if r.activity_id == SOLO)
    assert row.answered == 2 and "已完成演练 <b>2</b> 人" in all_text(con.page)
    statuses = {p.name: p.status for p in con.controller.state.people}
    assert statuses == {"甲一": "已完成演练", "乙二": "已完成演练", "丙三": "作答中"}

    proj = projector(REPO, sqlite_store, sessions.issue(sqlite_store, ws.id, "projector"))
    MADE.append(proj)
    shown = proj.page.body.value
    assert "最常见的结局" in shown and "情绪失控 ×1" in shown
    assert not any(n in all_text(proj.page) for n in names)

    cell = open_cell(REPO, SOLO, lambda: sqlite_store, Inline(), autostart=False)
    MADE.append(cell)
    cell.top[0].stored = {"console": sessions.issue(sqlite_store, ws.id, "console")}
    assert cell.mode == "instructor"
    cell.toggle.value = True
    assert "已演练 <b>3</b> / 3 人" in all_text(cell.results)
