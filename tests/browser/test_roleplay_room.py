"""Live role-play in real Chromium: two trainees on phones play the same scenario, one reaching
the best ending and one forced out by the customer's mood, and the projector's path view shows
both branches with their counts (anonymous)."""

from __future__ import annotations

from typing import Any

from kit.content import load_course
from kit.content.scenario_paths import explore, summarise
from kit.settings import REPO_ROOT
from kit.store import Store, roleplay, workshops
from tests.browser.test_live_room import T, console_page, row
from tests.browser.test_room import PHONE, layout_problems, open_phone, recorded, shot
from tests.serverproc import Server
from tests.widgets.test_roleplay_live import forced_path

ACTIVITY, TITLE = "m6-rp-apology", "转错账的客户怪网点"
NAMES = ("演练甲", "演练乙")


def play(page: Any, path: tuple[int, ...]) -> None:
    """Tap the replies of ``path``, waiting for each to join the conversation."""
    for step, index in enumerate(path, 1):
        page.locator(".kit-rp-reply:visible").nth(index).click()
        page.locator(".kit-rp-me").nth(step - 1).wait_for(timeout=T)


def test_two_phones_play_live_and_the_projector_shows_both_branches(
        server: Server, browser: Any, context: tuple[Any, Any]) -> None:
    ctx, outside = context
    urls: list[str] = []
    recorded(ctx, urls, outside)
    course = load_course(REPO_ROOT / "data")
    sc = course.scenarios[course.activity(ACTIVITY).scenario]  # type: ignore[union-attr]
    summary = summarise(explore(sc))
    best, forced = summary.best_path, forced_path(sc)
    assert best[0] != forced[0]
    store = Store(server.db)
    ws, key = workshops.create(store, "情景演练现场", (6,))
    con = console_page(ctx, server, ws.code, key)
    con.get_by_role("button", name="生成投屏链接").click()
    link = con.get_by_role("link", name="打开投屏页")
    link.wait_for(timeout=T)
    proj_ctx = browser.new_context(viewport={"width": 1920, "height": 1080}, locale="zh-CN")
    recorded(proj_ctx, urls)
    proj = proj_ctx.new_page()
    proj.goto(link.get_attribute("href"))
    phones = [open_phone(browser, server, ws.code, n, urls) for n in NAMES]
    proj.locator(".kit-join-count", has_text="已加入 2 人").wait_for(timeout=T)

    row(con, TITLE).get_by_role("button", name="开放作答").click()
    for page in phones:
        page.get_by_text(f"客户情绪 {sc.mood_start}/100").wait_for(timeout=T)
        assert layout_problems(page) == [], layout_problems(page)
    play(phones[0], best)
    play(phones[1], forced)
    phones[0].get_by_text(f"得分 {summary.best} / 100").wait_for(timeout=T)
    phones[1].get_by_text("演练提前结束").wait_for(timeout=T)
    shot(phones[1], "roleplay-phone-forced")

    first = sc.node(sc.start).choices  # type: ignore[union-attr]
    proj.get_by_text("走到结局 2 人").wait_for(timeout=T)
    proj.get_by_text("已演练 2 / 2 人").wait_for(timeout=T)
    proj.get_by_text("情绪失控 ×1").first.wait_for(timeout=T)
    for index in (best[0], forced[0]):
        branch = proj.locator(".kit-rp-branch", has_text=first[index].text[:12]).first
        branch.wait_for(timeout=T)
        assert "1 人" in branch.inner_text()
    shot(proj, "projector-roleplay-paths")
    text = proj.inner_text("body")
    assert not any(n in text for n in NAMES)

    phones[0].reload()  # the finished attempt comes back from the store
    phones[0].get_by_text(f"得分 {summary.best} / 100").wait_for(timeout=T)
    stored = [p for p in roleplay.for_activity(store, ws.id, ACTIVITY) if p.finished]
    assert sorted(p.attempt.choices for p in stored) == sorted([best, forced])
    assert outside.urls == [] and PHONE["viewport"]["width"] == 390
    store.dispose()
