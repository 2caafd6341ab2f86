"""文案审查 in module 二, in real Chromium at phone width: paste, click, read the findings."""

from __future__ import annotations

from tests.serverproc import Server

WIDGET_TIMEOUT = 90_000
PHONE = {"width": 390, "height": 844}


def test_copy_review_on_a_phone(server: Server, context: tuple[object, object]) -> None:
    ctx, outside = context
    page = ctx.new_page()  # type: ignore[attr-defined]
    page.set_viewport_size(PHONE)
    base = server.urls["课程地图"].rsplit("/workshops/", 1)[0]
    page.goto(f"{base}/workshops/02_review.ipynb", wait_until="domcontentloaded")
    box = page.get_by_placeholder("把要审查的营销文案", exact=False)
    box.wait_for(timeout=WIDGET_TIMEOUT)
    box.fill("<b>稳盈</b>理财保本保息，经监管部门认证，名额有限速来！")
    button = page.get_by_role("button", name="审查", exact=True)
    assert button.bounding_box()["height"] >= 44  # type: ignore[index]
    button.click()
    page.get_by_text("发现 3 类问题", exact=False).wait_for(timeout=WIDGET_TIMEOUT)
    mark = page.locator("mark", has_text="保本保息")
    mark.wait_for(timeout=WIDGET_TIMEOUT)
    assert page.locator("b", has_text="稳盈").count() == 0  # typed HTML stays text
    assert page.get_by_text("<b>稳盈</b>", exact=False).count() >= 1
    for locator in (mark, page.get_by_text("建议改为", exact=False).first):
        at = locator.bounding_box()  # type: ignore[union-attr]
        assert at is not None and at["x"] >= 0 and at["x"] + at["width"] <= PHONE["width"]
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"] + 1, width  # nothing pushes the page sideways
    assert outside.urls == []  # type: ignore[attr-defined]
    page.close()
