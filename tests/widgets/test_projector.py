"""The projector without a browser: its own link, anonymous by default, following the console."""

from __future__ import annotations

from typing import Any

from kit.content import Course
from kit.live.runner import Inline
from kit.logic.phases import Phase
from kit.pages.projector import open_projector, public_base
from kit.store import Store, sessions, workshops
from kit.testing import all_text, close, find, open_console_as, seat_trainee


def projector(course: Course, store: Store, token: str) -> Any:
    session = open_projector(course, lambda: store, Inline(), autostart=False)
    session.bridge.href = "http://10.0.0.5:8866/voila/render/workshops/projector.ipynb"
    session.bridge.query = f"p={token}"
    return session


def test_the_projector_opens_only_with_its_own_link(course: Course, sqlite_store: Store) -> None:
    ws, key = workshops.create(sqlite_store, "投屏", (3,))
    console_token = sessions.issue(sqlite_store, ws.id, "console")
    for wrong in (key, console_token, "forged"):
        page = projector(course, sqlite_store, wrong)
        assert page.controller.state.screen == "invalid" and "投屏链接无效" in page.page.body.value
        close(page)
    ok = projector(course, sqlite_store, sessions.issue(sqlite_store, ws.id, "projector"))
    state = ok.controller.state
    assert state.screen == "live" and state.code == ws.code
    assert state.join_url == f"http://10.0.0.5:8866/voila/render/exercises/trainee.ipynb?code={ws.code}"
    assert "<svg" in ok.page.body.value and "已加入 <b>0</b> 人" in ok.page.body.value
    close(ok)


def test_the_projector_follows_focus_and_shows_names_only_when_asked(
        course: Course, sqlite_store: Store) -> None:
    ws, key = workshops.create(sqlite_store, "投屏", (3,))
    con = open_console_as(course, sqlite_store, ws.code, key)
    find(con.page, "button", "生成投屏链接").press()
    url = con.controller.state.projector_url
    assert "p=" in url and key not in url
    token = url.split("p=")[1]
    proj = projector(course, sqlite_store, token)
    trainee = seat_trainee(course, sqlite_store, ws.code, "投屏丙")
    con.controller.actions.pace("m3-classify", Phase.OPEN)
    trainee.controller.tick()
    card = trainee.page.view.cards[0]
    card.select("channel", ["A1"])
    card.submit()
    proj.controller.tick()
    assert proj.controller.state.activity.activity_id == "m3-classify"
    assert "投屏丙" not in all_text(proj.page)
    con.page.board.go(0)
    con.controller.actions.pace("m6-draft", Phase.OPEN)
    trainee.controller.tick()
    trainee.page.view.areas["reception"].value = "您好,我先为您核实。"
    trainee.page.view.submit()
    con.controller.refresh()
    board = con.page.board
    board.pick.value = trainee.controller.seat.participant_id
    find(board, "button", "在投屏页展示").press()
    proj.controller.tick()
    assert "方案 #1" in proj.page.body.value and "您好,我先为您核实" in proj.page.body.value
    assert "投屏丙" not in all_text(proj.page)
    find(con.page.projector, "checkbox", "投屏显示姓名").value = True
    proj.controller.tick()
    assert "投屏丙" in proj.page.body.value  # the instructor turned names on
    find(con.page, "button", "重新生成投屏链接").press()
    again = projector(course, sqlite_store, token)
    assert again.controller.state.screen == "invalid"  # the old link stopped working
    close(con, proj, trainee, again)


def test_the_public_address_comes_from_kit_serve_when_set(monkeypatch: Any) -> None:
    page = "http://127.0.0.1:8866/voila/render/workshops/projector.ipynb"
    assert public_base(page) == "http://127.0.0.1:8866"
    monkeypatch.setenv("KIT_PUBLIC_URL", "http://192.168.3.7:8866")
    assert public_base(page) == "http://192.168.3.7:8866"
