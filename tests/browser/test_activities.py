"""Classification and peer review in real Chromium, with hostile text between trainees."""

from __future__ import annotations

from typing import Any

from kit.store import Store, workshops
from tests.browser.test_live_room import T, console_page, join, row, trainee_page
from tests.serverproc import Server

XSS = "<img src=x onerror=alert(1)><script>alert(2)</script>"
LONG = "客户情绪激动,我们先请到接待区坐下,倒水安抚,耐心倾听诉求并记录要点,承诺三个工作日内回复。"


def test_two_trainees_classify_and_see_feedback(server: Server,
                                               context: tuple[Any, Any]) -> None:
    ctx, outside = context
    store = Store(server.db)
    ws, key = workshops.create(store, "分类演练", (3,))
    con = console_page(ctx, server, ws.code, key)
    pages = [trainee_page(ctx, server.urls["学员"]) for _ in range(2)]
    for page, name in zip(pages, ("赵一", "钱二"), strict=True):
        join(page, ws.code, name)
        page.get_by_text("请稍候").wait_for(timeout=T)
    title = "日常八大投诉问题拆解"
    row(con, title).get_by_role("button", name="开放作答").click()
    row(con, title).get_by_role("button", name="查看").click()
    con.get_by_text("已作答 0 人").wait_for(timeout=T)
    for page, label in zip(pages, ("等待时间长", "过号"), strict=True):
        card = page.locator(".kit-question").first
        card.wait_for(timeout=T)
        card.locator(".widget-toggle-button", has_text=label).first.click()
        card.get_by_role("button", name="提交").first.click()
        page.get_by_text("已提交(第 1 版)").first.wait_for(timeout=T)
    con.get_by_text("已作答 2 人").wait_for(timeout=T)
    row(con, title).get_by_role("button", name="结束作答").click()
    row(con, title).get_by_role("button", name="公布答案").click()
    for page in pages:
        page.get_by_text("参考答案").first.wait_for(timeout=T)
    con.get_by_text("正确率").first.wait_for(timeout=T)
    assert outside.urls == []
    store.dispose()


def test_four_trainees_draft_review_and_get_feedback(server: Server,
                                                    context: tuple[Any, Any]) -> None:
    ctx, outside = context
    alerts: list[str] = []
    store = Store(server.db)
    ws, key = workshops.create(store, "互评演练", (4,))
    con = console_page(ctx, server, ws.code, key)
    pages = [trainee_page(ctx, server.urls["学员"]) for _ in range(4)]
    for page, name in zip(pages, ("孙一", "李二", "周三", "吴四"), strict=True):
        page.on("dialog", lambda d: (alerts.append(d.message), d.dismiss()))
        join(page, ws.code, name)
        page.get_by_text("请稍候").wait_for(timeout=T)
    row(con, "客户威胁要曝光").get_by_role("button", name="开放作答").click()
    for i, page in enumerate(pages):
        areas = page.locator("textarea")
        areas.first.wait_for(timeout=T)
        for n in range(areas.count()):
            areas.nth(n).fill((XSS + LONG) if i == 0 else LONG)
        page.get_by_role("button", name="提交方案").click()
        page.get_by_text("已提交(第 1 版)").wait_for(timeout=T)
    row(con, "客户威胁要曝光").get_by_role("button", name="结束作答").click()
    row(con, "互评:媒体威胁沟通方案").get_by_role("button", name="开放作答").click()
    seen: list[str] = []
    for page in pages:
        for _ in range(2):
            page.get_by_text("待评方案").wait_for(timeout=T)
            seen.append(page.content())
            for box in page.locator(".kit-choice").all():
                box.locator(".widget-toggle-button").nth(2).click()
            page.get_by_placeholder("一句具体、友善的建议(必填)").fill("建议补充回访安排。" + XSS)
            page.get_by_role("button", name="提交评审").click()
            page.wait_for_timeout(500)
        page.get_by_text("您已完成全部").wait_for(timeout=T)
    assert sum("&lt;img src=x onerror=alert(1)&gt;" in c for c in seen) == 2  # reviewed twice
    assert not any("<img src=x onerror" in c or "<script>alert" in c for c in seen)
    row(con, "互评:媒体威胁沟通方案").get_by_role("button", name="结束作答").click()
    row(con, "互评:媒体威胁沟通方案").get_by_role("button", name="公布互评结果").click()
    for page in pages:
        page.get_by_text("收到 2 份评审").wait_for(timeout=T)
    pages[0].get_by_text(XSS[:20], exact=False).first.wait_for(timeout=T)  # shown as text
    assert alerts == [] and outside.urls == []
    store.dispose()
