"""The HTML report in Chromium: renders Chinese, asks for nothing outside; screenshot kept."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kit.content import load_course
from kit.demo import run_demo
from kit.reports.run import export
from kit.settings import REPO_ROOT
from kit.store import Store

ARTIFACTS = REPO_ROOT / "test-artifacts"


def test_report_renders_offline(context: tuple[Any, Any], tmp_path: Path) -> None:
    ctx, outside = context
    course, store = load_course(REPO_ROOT / "data"), Store(f"sqlite:///{tmp_path / 'r.db'}")
    demo = run_demo(course, store, 12, (3,))
    path = export(course, store, demo.code, demo.key, "html", tmp_path / "report.html")
    page = ctx.new_page()
    page.goto(path.as_uri())
    page.get_by_text("全班最薄弱的维度").wait_for(timeout=30_000)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "report.png"), full_page=False)
    assert outside.urls == []
    store.dispose()
