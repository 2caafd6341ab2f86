"""A live room in real Chromium: an instructor console and three trainee pages."""

from __future__ import annotations

from typing import Any

from kit.store import Store, workshops
from tests.serverproc import Server

T = 60_000
FIRST = "日常八大投诉问题拆解"


def trainee_page(ctx: Any, url: str) -> Any:
    page = ctx.new_page()
    page.goto(url)
    page.get_by_placeholder("姓名或工号").wait_for(timeout=T)
    return page


def join(page: Any, code: str, name: str) -> None:
    page.get_by_placeholder("例如 K7M3Q").fill(code)
    page.get_by_placeholder("姓名或工号").fill(name)
    page.get_by_role("button", name="加入").click()


def test_instructor_paces_three_trainees(server: Server, context: tuple[Any, Any]) -> None:
    ctx, outside = context
    store = Store(server.db)
    ws, key = workshops.create(store, "浏览器演练", (3,))
    console = ctx.new_page()
    console.goto(f"{server.urls['讲师']}?code={ws.code}&key={key}")
    console.get_by_text("参与码").first.wait_for(timeout=T)

    pages = [trainee_page(ctx, server.urls["学员"]) for _ in range(3)]
    join(pages[0], "WRONG", "甲")
    pages[0].get_by_text("参与码不正确").wait_for(timeout=T)
    for page, name in zip(pages, ("甲", "乙", "丙"), strict=True):
        join(page, ws.code.lower(), name)
        page.get_by_text("请稍候").wait_for(timeout=T)
        assert "t=" in page.url

    row = console.locator(".widget-hbox", has_text=FIRST).first
    row.get_by_role("button", name="开放").click()
    for page in pages:
        page.get_by_text("客户", exact=False).first.wait_for(timeout=T)
        page.locator(".widget-toggle-button").first.wait_for(timeout=T)

    console.get_by_role("button", name="开始计时").click()
    for page in pages:
        page.locator(".kit-timer").wait_for(timeout=T)

    first = pages[0]
    first.locator(".widget-toggle-button", has_text="等待时间长").first.click()
    first.wait_for_timeout(2500)  # autosave is debounced by about a second
    first.reload()
    first.get_by_text("浏览器演练").wait_for(timeout=T)
    assert first.get_by_text("甲").count() > 0
    chosen = first.locator(".widget-toggle-button.mod-active", has_text="等待时间长")
    chosen.first.wait_for(timeout=T)

    token_url = f"{server.urls['讲师']}?code={ws.code}&{first.url.split('?')[1].split('&')[1]}"
    spy = ctx.new_page()
    spy.goto(token_url)
    spy.get_by_role("button", name="进入控制台").wait_for(timeout=T)
    assert spy.get_by_text("开始计时").count() == 0
    assert outside.urls == []
    store.dispose()
