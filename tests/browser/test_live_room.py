"""A live room in real Chromium: an instructor console and three trainee pages."""

from __future__ import annotations

from typing import Any

from kit.store import Store, workshops
from tests.serverproc import Server

T = 60_000
FIRST = "日常八大投诉问题拆解"


def browser_context_page(browser: Any, url: str) -> Any:
    """A page in a fresh browser profile (nothing kept from the instructor's)."""
    page = browser.new_context(locale="zh-CN").new_page()
    page.goto(url)
    return page


def trainee_page(ctx: Any, url: str) -> Any:
    page = ctx.new_page()
    page.goto(url)
    page.get_by_placeholder("姓名或工号").wait_for(timeout=T)
    return page


def console_page(ctx: Any, server: Server, code: str, key: str) -> Any:
    """The instructor console, entered with the key on its login form (never in a URL)."""
    page = ctx.new_page()
    page.goto(f"{server.urls['讲师']}?code={code}")
    page.get_by_label("讲师密钥").fill(key)
    page.get_by_role("button", name="进入控制台").click()
    page.get_by_text("当前活动").or_(page.get_by_text("选择下方的活动开始")).first.wait_for(
        timeout=T)
    return page


def row(page: Any, title: str) -> Any:
    """One activity's line in the console's list of activities."""
    return page.locator(".kit-row", has_text=title).first


def join(page: Any, code: str, name: str) -> None:
    page.get_by_placeholder("例如 K7M3Q").fill(code)
    page.get_by_placeholder("姓名或工号").fill(name)
    page.get_by_role("button", name="加入").click()


def test_instructor_paces_three_trainees(server: Server, context: tuple[Any, Any]) -> None:
    ctx, outside = context
    store = Store(server.db)
    ws, key = workshops.create(store, "浏览器演练", (3,))
    console = console_page(ctx, server, ws.code, key)

    pages = [trainee_page(ctx, server.urls["学员"]) for _ in range(3)]
    join(pages[0], "WRONG", "甲")
    pages[0].get_by_text("参与码不正确").wait_for(timeout=T)
    for page, name in zip(pages, ("甲", "乙", "丙"), strict=True):
        join(page, ws.code.lower(), name)
        page.get_by_text("请稍候").wait_for(timeout=T)
        assert "t=" in page.url

    row(console, FIRST).get_by_role("button", name="开放作答").click()
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
    spy = browser_context_page(ctx.browser, token_url)
    spy.get_by_role("button", name="进入控制台").wait_for(timeout=T)
    assert spy.get_by_text("开始计时").count() == 0
    assert key not in console.url
    assert outside.urls == []
    store.dispose()
