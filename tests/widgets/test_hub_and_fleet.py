"""Pages under JupyterHub and on one of several servers (the kernel's environment decides)."""

from __future__ import annotations

import pytest

from kit.content import Course
from kit.live.runner import Inline
from kit.pages.console import open_console
from kit.pages.trainee import open_trainee
from kit.store import Store, participants, servers, workshops
from kit.testing import close


def test_a_hub_user_is_joined_into_the_session_without_typing(
        course: Course, sqlite_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    ws, _ = workshops.create(sqlite_store, "支行", (3,))
    monkeypatch.setenv("JUPYTERHUB_USER", "zhang.san")
    monkeypatch.setenv("KIT_WORKSHOP_CODE", ws.code)
    page = open_trainee(course, lambda: sqlite_store, Inline(), autostart=False)
    page.bridge.query = ""  # the hub's landing URL carries no code
    assert page.controller.state.screen == "live"
    [who] = participants.roster(sqlite_store, ws.id)
    assert who.name == "zhang.san"
    close(page)


def test_a_trainee_is_seated_on_the_server_that_serves_the_page(
        course: Course, sqlite_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    ws, _ = workshops.create(sqlite_store, "支行", (3,))
    servers.register(sqlite_store, "s2", "/s2/")
    chosen = servers.assign(sqlite_store, None)
    assert chosen is not None and chosen[0].id == "s2"
    monkeypatch.setenv("KIT_SERVER_ID", "s2")
    page = open_trainee(course, lambda: sqlite_store, Inline(), autostart=False)
    page.bridge.query = f"code={ws.code}&seat={chosen[1]}"
    page.page.form.name.value = "李四"
    page.page.form.submit()
    assert page.controller.state.screen == "live"
    assert servers.seated(sqlite_store) == {"s2": 1}  # the ticket became the seat
    close(page)


@pytest.mark.parametrize("group", ["1", ""])
def test_the_console_opens_with_the_code_alone_for_the_hub_instructors_group(
        course: Course, sqlite_store: Store, monkeypatch: pytest.MonkeyPatch,
        group: str) -> None:
    ws, _ = workshops.create(sqlite_store, "支行", (3,))
    monkeypatch.setenv("JUPYTERHUB_USER", "teacher")
    monkeypatch.setenv("KIT_HUB_INSTRUCTOR", group)
    con = open_console(course, lambda: sqlite_store, Inline(), autostart=False)
    con.bridge.query, con.bridge.stored = f"code={ws.code}", {}
    assert con.controller.state.screen == ("live" if group else "login")
    close(con)


def test_on_a_fleet_server_the_qr_code_points_at_the_entry_not_the_server(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from kit.pages.projector import public_base

    href = "https://kit.bank.example/s2/voila/render/workshops/projector.ipynb"
    monkeypatch.delenv("KIT_PUBLIC_URL", raising=False)
    assert public_base(href) == "https://kit.bank.example/s2"
    monkeypatch.setenv("KIT_SERVER_ID", "s2")
    monkeypatch.setenv("KIT_BASE_URL", "/s2/")
    assert public_base(href) == "https://kit.bank.example"


def test_a_hub_user_without_a_session_code_types_the_code_only(
        course: Course, sqlite_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    ws, _ = workshops.create(sqlite_store, "支行", (3,))
    monkeypatch.setenv("JUPYTERHUB_USER", "<b>wang</b>")
    monkeypatch.delenv("KIT_WORKSHOP_CODE", raising=False)
    page = open_trainee(course, lambda: sqlite_store, Inline(), autostart=False)
    page.bridge.query = ""
    form = page.page.form
    assert page.controller.state.screen == "join"
    assert form.name.layout.display == "none"
    assert "「&lt;b&gt;wang&lt;/b&gt;」" in form.intro.value  # the hub name, escaped
    form.code.value = ws.code
    form.submit()
    assert page.controller.state.screen == "live"
    assert [p.name for p in participants.roster(sqlite_store, ws.id)] == ["<b>wang</b>"]
    close(page)
