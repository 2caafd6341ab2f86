"""axe-core (WCAG 2.1 A/AA rules) over the trainee, projector and console pages in Chromium, and a
keyboard-only join → classify → submit. axe is injected from ``tests/browser/axe`` (the npm
registry, installed by ``make test``), never served to trainees.

Serious and critical violations fail the test; moderate ones are written to
``test-artifacts/axe-moderate.json`` and listed with a plan in ``docs/accessibility.md``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from kit.logic.phases import Phase
from kit.settings import REPO_ROOT
from kit.store import Store, activities, sessions, workshops
from tests.browser.test_live_room import T, console_page, join
from tests.conftest import require
from tests.serverproc import Server

AXE = Path(__file__).parent / "axe" / "node_modules" / "axe-core" / "axe.min.js"
REPORT = REPO_ROOT / "test-artifacts" / "axe-moderate.json"
RUN = """async () => {
  const r = await axe.run(document, {runOnly: {type: 'tag',
      values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}});
  return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}));
}"""


@pytest.fixture(scope="module")
def axe() -> str:
    if not AXE.exists():
        require("KIT_REQUIRE_BROWSER", f"axe-core is not installed at {AXE} (make test does it)")
    return AXE.read_text("utf-8")


def audit(page: Any, axe: str, name: str, found: dict[str, Any]) -> list[dict[str, Any]]:
    page.wait_for_timeout(500)  # let the widgets settle
    page.add_script_tag(content=axe)
    violations = list(page.evaluate(RUN))
    found[name] = [v for v in violations if v["impact"] not in ("serious", "critical")]
    return [v for v in violations if v["impact"] in ("serious", "critical")]


def test_pages_have_no_serious_or_critical_violations(server: Server, context: tuple[Any, Any],
                                                      browser: Any, axe: str) -> None:
    ctx, outside = context
    store = Store(server.db)
    ws, key = workshops.create(store, "无障碍检查", (3, 4))
    found: dict[str, Any] = {}
    serious: dict[str, Any] = {}
    page = ctx.new_page()
    page.goto(server.urls["学员"])
    page.get_by_placeholder("姓名或工号").wait_for(timeout=T)
    serious["join"] = audit(page, axe, "join", found)
    join(page, ws.code, "无障碍学员")
    page.get_by_text("请稍候").wait_for(timeout=T)
    for activity, ready, name in (("m3-daily-problems", ".kit-question", "case-open"),
                                  ("m3-plan", "textarea", "draft"),
                                  ("m4-mood", ".kit-question", "poll")):
        activities.set_state(store, ws.id, activity, Phase.OPEN)
        page.locator(ready).first.wait_for(timeout=T)
        serious[name] = audit(page, axe, name, found)
        activities.set_state(store, ws.id, activity, Phase.CLOSED)
    activities.set_state(store, ws.id, "m3-daily-problems", Phase.OPEN)
    page.locator(".kit-question").first.wait_for(timeout=T)
    activities.set_state(store, ws.id, "m3-daily-problems", Phase.CLOSED)
    activities.set_state(store, ws.id, "m3-daily-problems", Phase.REVEALED)
    page.get_by_text("参考答案").first.wait_for(timeout=T)
    serious["case-revealed"] = audit(page, axe, "case-revealed", found)
    con = console_page(ctx, server, ws.code, key)
    serious["console"] = audit(con, axe, "console", found)
    proj = browser.new_context(viewport={"width": 1920, "height": 1080}).new_page()
    token = sessions.issue(store, ws.id, "projector")
    proj.goto(server.urls["讲师"].replace("console.ipynb", "projector.ipynb") + f"?p={token}")
    proj.get_by_text("日常八大投诉问题拆解").first.wait_for(timeout=T)
    serious["projector"] = audit(proj, axe, "projector", found)
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.write_text(json.dumps(found, ensure_ascii=False, indent=1), "utf-8")
    assert {k: v for k, v in serious.items() if v} == {}
    assert outside.urls == []
    proj.context.close()
    store.dispose()


def test_keyboard_alone_joins_classifies_and_submits(server: Server,
                                                     context: tuple[Any, Any]) -> None:
    ctx, _ = context
    store = Store(server.db)
    ws, _ = workshops.create(store, "键盘", (3,))
    activities.set_state(store, ws.id, "m3-daily-problems", Phase.OPEN)
    page = ctx.new_page()
    page.goto(server.urls["学员"])
    page.get_by_placeholder("姓名或工号").wait_for(timeout=T)
    page.get_by_placeholder("例如 K7M3Q").focus()
    page.keyboard.type(ws.code)
    page.keyboard.press("Tab")
    page.keyboard.type("键盘学员")
    for _ in range(2):
        page.keyboard.press("Tab")  # past the optional staff ID, to 加入
    assert page.evaluate("document.activeElement.innerText") == "加入"
    page.keyboard.press("Enter")
    page.locator(".kit-question").first.wait_for(timeout=T)
    for _ in range(40):  # tab to the first label of the first dimension
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('widget-toggle-button')"):
            break
    label = page.evaluate("document.activeElement.innerText")
    page.keyboard.press("Space")
    page.wait_for_function("() => document.activeElement.getAttribute('aria-pressed') === 'true'",
                           timeout=T)
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.innerText") == "提交":
            break
    page.keyboard.press("Enter")
    page.get_by_text("已提交(第 1 版)").first.wait_for(timeout=T)
    assert label
    store.dispose()
