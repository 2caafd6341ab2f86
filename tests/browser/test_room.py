"""The room in real Chromium: a projector of its own, a console that keeps its key out of every
URL, and phone screens built for thumbs. Screenshots go to ``test-artifacts/screenshots``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kit.settings import REPO_ROOT
from kit.store import Store, workshops
from tests.browser.conftest import Outside
from tests.browser.test_live_room import T, console_page, join, row
from tests.serverproc import Server

SHOTS = REPO_ROOT / "test-artifacts" / "screenshots"
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True,
         "has_touch": True, "locale": "zh-CN"}
NAMES = ("投屏甲", "投屏乙")
CASE, QUIZ, POLL = "日常八大投诉问题拆解", "政策测验一", "面对投诉时，你最常见的情绪是"

LAYOUT = """() => {
  const bad = [];
  const seen = (el) => { const r = el.getBoundingClientRect();
                         return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility
                                !== 'hidden'; };
  for (const el of document.querySelectorAll('button, .widget-label, .widget-html-content b')) {
    if (!seen(el)) continue;
    const r = el.getBoundingClientRect();
    if (el.tagName === 'BUTTON' && r.height < 44)
      bad.push(`short ${Math.round(r.height)}px: ${el.innerText}`);
    if (el.scrollWidth > el.clientWidth + 1) bad.push(`clipped: ${el.innerText}`);
  }
  return bad;
}"""


def shot(page: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=False)


def layout_problems(page: Any) -> list[str]:
    return list(page.evaluate(LAYOUT))


def recorded(ctx: Any, urls: list[str], outside: Outside | None = None) -> None:
    """Every URL the context loads goes to ``urls``; outside requests are refused."""
    guard = outside or Outside()
    ctx.route("**/*", lambda route: (urls.append(route.request.url), guard.route(route)))


def open_phone(browser: Any, server: Server, code: str, name: str, urls: list[str]) -> Any:
    ctx = browser.new_context(**PHONE)
    recorded(ctx, urls)
    page = ctx.new_page()
    page.goto(server.urls["学员"])
    page.get_by_placeholder("姓名或工号").wait_for(timeout=T)
    assert layout_problems(page) == [], layout_problems(page)
    join(page, code, name)
    page.get_by_text("请稍候").wait_for(timeout=T)
    return page


def pick(page: Any, label: str) -> None:
    card = page.locator(".kit-question").first
    card.wait_for(timeout=T)
    card.locator(".widget-toggle-button", has_text=label).first.click()
    card.get_by_role("button", name="提交").first.click()
    page.get_by_text("已提交(第 1 版)").first.wait_for(timeout=T)


def test_the_room_projector_console_and_phones(server: Server, browser: Any,
                                               context: tuple[Any, Any]) -> None:
    ctx, outside = context
    urls: list[str] = []
    recorded(ctx, urls, outside)
    store = Store(server.db)
    ws, key = workshops.create(store, "投屏演练", (1, 3, 4))
    con = console_page(ctx, server, ws.code, key)
    token = con.evaluate("localStorage.getItem('kit:console')")
    assert token and key not in con.url
    con.get_by_role("button", name="生成投屏链接").click()
    link = con.get_by_role("link", name="打开投屏页")
    link.wait_for(timeout=T)
    href = link.get_attribute("href")
    assert "p=" in href and key not in href and token not in href

    proj_ctx = browser.new_context(viewport={"width": 1920, "height": 1080}, locale="zh-CN")
    recorded(proj_ctx, urls)
    frames: list[str] = []
    proj = proj_ctx.new_page()
    proj.on("websocket", lambda w: w.on("framereceived", lambda f: frames.append(str(f))))
    proj.goto(href)
    proj.locator(".kit-join-qr svg").wait_for(timeout=T)
    phones = [open_phone(browser, server, ws.code, n, urls) for n in NAMES]
    proj.locator(".kit-join-count", has_text="已加入 2 人").wait_for(timeout=T)
    shot(proj, "projector-join")

    row(con, CASE).get_by_role("button", name="开放作答").click()
    for page in phones:
        page.locator(".kit-question").first.wait_for(timeout=T)
        assert layout_problems(page) == [], layout_problems(page)
        pick(page, "过号")  # nobody picks the key (等待时间长)
    shot(phones[0], "phone-before-reveal")
    proj.get_by_text("2 / 2 人作答").wait_for(timeout=T)
    shot(proj, "projector-live-chart")
    row(con, CASE).get_by_role("button", name="结束作答").click()
    row(con, CASE).get_by_role("button", name="公布答案").click()
    proj.locator(".kit-bar.kit-key", has_text="✔ 答案").first.wait_for(timeout=T)
    key_bar = proj.locator(".kit-bar.kit-key").first
    assert "0%" in key_bar.inner_text() and key_bar.is_visible()
    proj.get_by_text("正确率 0%").first.wait_for(timeout=T)
    shot(proj, "projector-revealed-chart")
    for page in phones:
        page.get_by_text("参考答案").first.wait_for(timeout=T)
        assert layout_problems(page) == [], layout_problems(page)
        assert "已提交(第 1 版)" not in page.inner_text("body")  # stale notices go
    shot(phones[0], "phone-after-reveal")

    row(con, QUIZ).get_by_role("button", name="开放作答").click()
    proj.get_by_text(QUIZ).first.wait_for(timeout=T)
    for page in phones:
        page.get_by_text(QUIZ).first.wait_for(timeout=T)
        assert layout_problems(page) == [], layout_problems(page)

    row(con, POLL).get_by_role("button", name="开放作答").click()
    for i, page in enumerate(phones):
        page.get_by_text(POLL).first.wait_for(timeout=T)
        card = page.locator(".kit-question").first
        card.locator(".widget-toggle-button").nth(i).click()
        card.get_by_role("button", name="提交").first.click()
        page.get_by_text("已提交(第 1 版)").first.wait_for(timeout=T)
    row(con, POLL).get_by_role("button", name="结束作答").click()
    row(con, POLL).get_by_role("button", name="公布结果").click()
    proj.get_by_text("50%").first.wait_for(timeout=T)
    for page in phones:
        page.get_by_text("全班结果").wait_for(timeout=T)
        page.get_by_text("(您的选择)").wait_for(timeout=T)
        assert page.locator(".mod-danger").count() == 0  # a poll has no wrong answer
        assert "选错" not in page.inner_text("body")

    text = proj.inner_text("body")
    for secret in (*NAMES, key, token):
        assert secret not in text and not any(secret in f for f in frames), secret
    assert not any(key in u or token in u for u in urls)
    assert outside.urls == []

    with con.expect_download(timeout=T) as named:
        con.get_by_role("button", name="下载培训记录(CSV)").click()  # one click, no second link
    assert named.value.suggested_filename == f"{ws.code}-记录.csv"
    con.get_by_text("以化名代替姓名").click()
    with con.expect_download(timeout=T) as anonymous:
        con.get_by_role("button", name="下载培训记录(CSV)").click()
    assert anonymous.value.suggested_filename == f"{ws.code}-记录-匿名.csv"
    assert not any(n in Path(anonymous.value.path()).read_text("utf-8-sig") for n in NAMES)

    con.get_by_role("button", name="退出控制台").click()
    con.get_by_role("button", name="进入控制台").wait_for(timeout=T)
    con.reload()
    con.get_by_role("button", name="进入控制台").wait_for(timeout=T)  # the session is gone
    store.dispose()
    proj_ctx.close()
    for page in phones:
        page.context.close()

