"""The designers' gallery served by `kit serve`: it shows content and loads nothing from outside."""

from __future__ import annotations

from kit.content import load_course
from kit.settings import REPO_ROOT
from kit.store import Store, workshops
from tests.browser.test_live_room import console_page
from tests.serverproc import Server

WIDGET_TIMEOUT = 60_000
PAGE = "/voila/render/workshops/designer_gallery.ipynb"


def test_gallery_shows_items_and_filters_offline(server: Server,
                                                 context: tuple[object, object]) -> None:
    course = load_course(REPO_ROOT / "data")
    case = next(iter(course.cases.values()))
    item = next(iter(course.quizzes.values()))
    ctx, outside = context
    page = ctx.new_page()  # type: ignore[attr-defined]
    page.goto(server.base + PAGE, wait_until="domcontentloaded")
    page.get_by_text("只对讲师和课程设计人员开放").wait_for(timeout=WIDGET_TIMEOUT)
    assert case.title not in page.inner_text("body")  # no answer keys for a trainee's browser
    store = Store(server.db)
    ws, key = workshops.create(store, "设计预览", (3,))
    store.dispose()
    console_page(ctx, server, ws.code, key).close()  # this browser now holds a console session
    page.reload()
    page.get_by_text("时限偏短的活动", exact=False).first.wait_for(timeout=WIDGET_TIMEOUT)
    cards = page.locator(".kit-gallery-entry")
    cards.get_by_text(case.title, exact=False).first.wait_for(timeout=WIDGET_TIMEOUT)
    cards.get_by_text(item.question[:20], exact=False).first.wait_for(timeout=WIDGET_TIMEOUT)
    assert "课程内容预览" in page.title()
    total = (len(course.cases) + len(course.quizzes) + len(course.polls) + len(course.rubrics)
             + len(course.scenarios))
    page.get_by_text(f"共 {total} 条", exact=False).wait_for(timeout=WIDGET_TIMEOUT)
    page.locator("select").nth(1).select_option(label="测验题")
    page.get_by_text(f"共 {len(course.quizzes)} 条", exact=False).wait_for(
        timeout=WIDGET_TIMEOUT)
    assert cards.count() == len(course.quizzes)
    assert outside.urls == []  # type: ignore[attr-defined]
    page.close()
