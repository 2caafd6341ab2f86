"""The session report in Chromium: renders offline, prints to A4 PDF with a cover and one
section per activity, and the anonymised PDF holds no trainee's name."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from kit.content import Course, load_course
from kit.demo import run_demo
from kit.reports.pdf import browser
from kit.reports.run import export
from kit.settings import REPO_ROOT
from kit.store import Store, participants, workshops
from tests.conftest import require

ARTIFACTS = REPO_ROOT / "test-artifacts"


@dataclass
class Class40:
    course: Course
    store: Store
    code: str
    key: str
    names: list[str]


@pytest.fixture(scope="module")
def class40(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Class40]:
    course = load_course(REPO_ROOT / "data")
    store = Store(f"sqlite:///{tmp_path_factory.mktemp('r40') / 'r.db'}")
    demo = run_demo(course, store, 40, (1, 2, 3, 6))
    ws = workshops.by_code(store, demo.code)
    assert ws is not None
    yield Class40(course, store, demo.code, demo.key,
                  [p.name for p in participants.roster(store, ws.id)])
    store.dispose()


def pages(pdf: bytes) -> list[str]:
    """Each page's text by poppler's ``pdftotext`` (Debian's poppler-utils), without white
    space so that wrapped lines still match, and without the page number in the margin.

    pdftotext maps the Kangxi-radical code points Chromium's fonts carry back to the usual
    characters (户, not ⼾), which a pure-Python extractor does not."""
    exe = shutil.which("pdftotext")
    if exe is None:
        require("KIT_REQUIRE_BROWSER", "pdftotext (poppler-utils) is not installed")
    done = subprocess.run([str(exe), "-layout", "-enc", "UTF-8", "-", "-"], input=pdf,
                          capture_output=True, timeout=120, check=True)
    return [re.sub(r"^\d+/\d+|\d+/\d+$", "", re.sub(r"\s+", "", page))
            for page in done.stdout.decode("utf-8").split("\f")[:-1]]


def _print(ctx: Any, s: Class40, tmp: Path, anonymise: bool) -> list[str]:
    html = export(s.course, s.store, s.code, s.key, "html", tmp / f"r{anonymise}.html",
                  anonymise)
    page = ctx.new_page()
    page.goto(html.as_uri())
    pdf = page.pdf(format="A4", print_background=True, prefer_css_page_size=True)
    page.close()
    (tmp / f"r{anonymise}.pdf").write_bytes(pdf)
    return pages(pdf)


def test_report_prints_to_pdf_with_cover_and_a_section_per_activity(
        context: tuple[Any, Any], class40: Class40, tmp_path: Path) -> None:
    ctx, outside = context
    text = _print(ctx, class40, tmp_path, anonymise=False)
    ws = workshops.by_code(class40.store, class40.code)
    assert ws is not None
    assert text[0].startswith(ws.title.replace(" ", "")) and "培训报告" in text[0]
    assert "出勤加入40人" in text[0] and "全班最需要加强的地方" in text[0]
    acts = [a for m in class40.course.modules if m.number in ws.modules for a in m.activities]
    for n, act in enumerate(acts, 1):
        head = re.sub(r"\s+", "", f"{n}.{act.title}")
        assert any(t.startswith(head) for t in text), head
    assert all(name in "".join(text) for name in class40.names)
    assert outside.urls == []


def test_anonymised_pdf_holds_no_trainee_name(context: tuple[Any, Any], class40: Class40,
                                              tmp_path: Path) -> None:
    ctx, _ = context
    text = "".join(_print(ctx, class40, tmp_path, anonymise=True))
    assert "本报告已匿名" in text and "附录:学员个人结果" not in text
    assert [n for n in class40.names if n in text] == []


def test_kit_export_pdf_prints_through_chromium(class40: Class40, tmp_path: Path) -> None:
    if browser() is None:
        require("KIT_REQUIRE_BROWSER", "no Chromium on the PATH")
    out = export(class40.course, class40.store, class40.code, class40.key, "pdf",
                 tmp_path / "r.pdf")
    text = pages(out.read_bytes())
    assert "培训报告" in text[0] and len(text) > 10


def test_report_renders_offline(context: tuple[Any, Any], class40: Class40,
                                tmp_path: Path) -> None:
    ctx, outside = context
    path = export(class40.course, class40.store, class40.code, class40.key, "html",
                  tmp_path / "report.html")
    page = ctx.new_page()
    page.goto(path.as_uri())
    page.get_by_text("全班最需要加强的地方").wait_for(timeout=30_000)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "report.png"), full_page=False)
    assert outside.urls == []
