"""The solo role-play view in real Chromium on a phone: wrapping 44 px replies, the gauge,
a typed reply, a forced ending and the debrief (through the trainee app: a live role-play
played alone, since the trainee is in no group)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from kit.store import Store, activities, workshops
from tests.browser.test_live_room import T, join
from tests.serverproc import Server

PHONE = {"width": 360, "height": 740}
SHOTS = Path(os.environ.get("KIT_SHOTS", tempfile.gettempdir()))


def reply_boxes(page: Any) -> list[dict[str, float]]:
    return page.eval_on_selector_all(
        ".kit-rp-reply", """els => els.filter(e => e.offsetParent !== null).map(e => ({
            h: e.getBoundingClientRect().height, w: e.getBoundingClientRect().width,
            sw: e.scrollWidth, cw: e.clientWidth, right: e.getBoundingClientRect().right,
            overflow: getComputedStyle(e).textOverflow, space: getComputedStyle(e).whiteSpace}))""")


def test_a_trainee_plays_a_scenario_on_a_phone(server: Server, context: tuple[Any, Any]) -> None:
    ctx, outside = context
    store = Store(server.db)
    ws, _ = workshops.create(store, "情景演练", (7,))
    page = ctx.new_page()
    page.set_viewport_size(PHONE)
    page.goto(server.urls["学员"])
    page.get_by_placeholder("姓名或工号").wait_for(timeout=T)
    join(page, ws.code, "孙七")
    page.get_by_text("请稍候").wait_for(timeout=T)
    activities.set_state(store, ws.id, "m7-rp-service", "open")
    page.get_by_text("我就开张卡领工资").wait_for(timeout=T)
    page.get_by_text("客户情绪 70/100").wait_for(timeout=T)

    boxes = reply_boxes(page)
    assert len(boxes) == 3
    for box in boxes:
        assert box["h"] >= 44 and box["space"] == "normal" and box["overflow"] != "ellipsis"
        assert box["sw"] <= box["cw"] + 1 and box["right"] <= PHONE["width"]  # nothing clipped
    assert max(b["h"] for b in boxes) > 50  # a long reply wraps onto a second line
    page.locator(".kit-rp-reply").first.scroll_into_view_if_needed()
    page.screenshot(path=str(SHOTS / "roleplay-phone.png"))

    page.locator("textarea").fill("师傅别急，咱们坐下慢慢聊，我帮您想想办法")
    page.get_by_role("button", name="用我的话回答").click()
    page.get_by_text("最接近第 1 个回应").wait_for(timeout=T)
    page.get_by_role("button", name="就按这个回应").click()
    page.get_by_text("客户情绪 55/100").wait_for(timeout=T)
    page.get_by_text("先接住情绪").first.wait_for(timeout=T)  # immediate feedback

    page.get_by_role("button", name="再来一次").click()
    page.get_by_text("第 2 次演练开始").wait_for(timeout=T)
    page.locator(".kit-rp-reply", has_text="这是国家规定").click()
    page.locator(".kit-rp-reply", has_text="别拍了").click()  # 75 + 20 ≥ 90: he leaves
    page.get_by_text("结局:客户离开", exact=False).or_(
        page.get_by_text("结局：客户离开")).first.wait_for(timeout=T)
    page.get_by_text("技能画像").wait_for(timeout=T)
    page.get_by_text("技能画像").scroll_into_view_if_needed()
    page.screenshot(path=str(SHOTS / "roleplay-debrief.png"))
    page.get_by_text("参考路径（最高 100 分）").wait_for(timeout=T)
    assert page.locator(".kit-rp-reply:visible").count() == 0
    assert page.get_by_text("Traceback").count() == 0
    assert outside.urls == []
    store.dispose()
