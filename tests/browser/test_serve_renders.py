"""`python -m kit serve` serves a page that renders in Chromium and loads nothing from outside."""

from __future__ import annotations

from tests.serverproc import Server

WIDGET_TIMEOUT = 60_000


def test_course_map_renders_offline(server: Server, context: tuple[object, object]) -> None:
    ctx, outside = context
    page = ctx.new_page()  # type: ignore[attr-defined]
    page.goto(server.urls["课程地图"], wait_until="domcontentloaded")
    page.get_by_text("课程地图", exact=False).last.wait_for(timeout=WIDGET_TIMEOUT)
    page.get_by_text("个活动,约", exact=False).first.wait_for(timeout=WIDGET_TIMEOUT)
    assert "课程地图" in page.title()
    assert outside.urls == []  # type: ignore[attr-defined]
    page.close()
