"""A trainee who reads English: picks it on the join form, classifies a Chinese case, sees
English feedback, and a reload keeps English (the choice stays with the token)."""

from __future__ import annotations

from typing import Any

from kit.store import Store, activities, workshops
from tests.browser.test_accessibility import audit
from tests.browser.test_accessibility import axe as axe  # the fixture
from tests.browser.test_live_room import T
from tests.serverproc import Server

ACTIVITY = "m3-daily-problems"


def test_a_trainee_joins_in_english_and_keeps_it(server: Server, context: tuple[Any, Any],
                                                 axe: str) -> None:
    ctx, outside = context
    store = Store(server.db)
    ws, _key = workshops.create(store, "English session", (3,))
    page = ctx.new_page()
    page.goto(server.urls["学员"])
    page.get_by_placeholder("姓名或工号").wait_for(timeout=T)
    assert page.evaluate("document.documentElement.lang") == "zh-CN"
    page.locator(".kit-lang .widget-toggle-button", has_text="English").click()
    page.get_by_placeholder("Name or staff ID").fill("Alex Chen")
    found: dict[str, Any] = {}
    serious = {"join-en": audit(page, axe, "join-en", found)}
    page.get_by_placeholder("e.g. K7M3Q").fill(ws.code)
    page.get_by_role("button", name="Join", exact=True).click()
    page.get_by_text("Please wait").wait_for(timeout=T)
    assert page.evaluate("document.documentElement.lang") == "en"  # read out in English

    activities.set_state(store, ws.id, ACTIVITY, "open")
    page.get_by_text("Breaking down the eight common daily complaint problems").wait_for(
        timeout=T)
    card = page.locator(".kit-question").first
    card.wait_for(timeout=T)
    card.locator(".widget-toggle-button", has_text="等待时间长").first.click()  # Chinese content
    card.get_by_role("button", name="Submit", exact=True).click()
    page.get_by_text("Submitted (version 1)").first.wait_for(timeout=T)

    page.reload()
    again = page.locator(".kit-question").first
    again.wait_for(timeout=T)
    again.get_by_role("button", name="Submit", exact=True).wait_for(timeout=T)
    assert page.get_by_role("button", name="提交").count() == 0
    assert page.evaluate("document.documentElement.lang") == "en"
    activities.set_state(store, ws.id, ACTIVITY, "closed")
    activities.set_state(store, ws.id, ACTIVITY, "revealed")
    page.get_by_text("Answer key").first.wait_for(timeout=T)
    assert page.get_by_text("参考答案").count() == 0
    serious["case-revealed-en"] = audit(page, axe, "case-revealed-en", found)
    assert serious == {"join-en": [], "case-revealed-en": []}
    assert found == {"join-en": [], "case-revealed-en": []}  # nothing moderate or minor either
    assert outside.urls == []
    store.dispose()
