"""The front door: `/` is the course map in Chinese; no file browser; nothing from outside."""

from __future__ import annotations

from typing import Any

from tests.serverproc import Server

T = 60_000


def test_root_is_the_course_map_offline(server: Server, context: tuple[Any, Any]) -> None:
    ctx, outside = context
    requests: list[str] = []
    page = ctx.new_page()
    page.on("request", lambda r: requests.append(r.url))
    page.goto(server.base + "/")
    page.get_by_text("个活动,约", exact=False).first.wait_for(timeout=T)
    assert page.url.endswith("/voila/render/workshops/00_course_map.ipynb")
    assert "课程地图" in page.title()
    assert outside.urls == []
    assert all(u.startswith((server.base, "data:", "blob:")) for u in requests), requests
    page.close()


def test_no_file_browser(server: Server, context: tuple[Any, Any]) -> None:
    ctx, outside = context
    page = ctx.new_page()
    page.goto(server.base + "/voila/tree/data")
    page.get_by_text("个活动,约", exact=False).first.wait_for(timeout=T)
    body = page.inner_text("body")
    assert ".yaml" not in body and "Name" not in body and "Last Modified" not in body
    listing = ctx.request.get(server.base + "/voila/api/contents/")
    assert listing.status == 404
    assert outside.urls == []
    page.close()
