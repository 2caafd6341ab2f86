"""The session report as PDF, printed by a headless Chromium from the same HTML.

Why Chromium: measured on this 2-core machine for a 200-trainee report (125 A4 pages),
``chromium --headless --print-to-pdf`` took 3.4–3.5 s including the browser's start, and
WeasyPrint 70 took 15.9 s for the same HTML (docs/records.md). Chromium also prints the CSS
the report uses (page counters in page margins, SVG charts) exactly as the browser shows it.
It is Debian's ``chromium`` package, which CI installs already; no Python package is added.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from kit.i18n import _
from kit.logic.text import InputProblem
from kit.reports.data import SessionData
from kit.reports.html import document

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
TIMEOUT = 180
FLAGS = ("--headless", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--disable-extensions",
         "--no-first-run", "--no-pdf-header-footer")


class PdfUnavailable(InputProblem):
    """No browser to print with, or it failed: the HTML report still works."""


def browser() -> str | None:
    """``KIT_CHROMIUM``, else the first Chromium or Chrome on the PATH."""
    named = os.environ.get("KIT_CHROMIUM")
    if named:
        return shutil.which(named) or (named if os.path.exists(named) else None)
    return next((found for b in BROWSERS if (found := shutil.which(b))), None)


def print_pdf(html: Path, out: Path) -> Path:
    """Print a local HTML file to ``out`` with headless Chromium (nothing is fetched)."""
    exe = browser()
    if exe is None:
        raise PdfUnavailable(_("未找到 Chromium,无法生成 PDF。请导出 HTML 报告,"
                               "用浏览器打开后选择“打印 → 另存为 PDF”。"))
    with tempfile.TemporaryDirectory() as profile:
        sandbox = ("--no-sandbox",) if os.geteuid() == 0 else ()
        cmd = [exe, *FLAGS, *sandbox, f"--user-data-dir={profile}",
               f"--print-to-pdf={out.resolve()}", html.resolve().as_uri()]
        try:
            subprocess.run(cmd, capture_output=True, timeout=TIMEOUT, check=True)
        except (subprocess.SubprocessError, OSError) as exc:
            raise PdfUnavailable(_("Chromium 未能生成 PDF({error}),请改用 HTML 报告打印。").format(
                error=type(exc).__name__)) from exc
    if not out.exists() or out.stat().st_size == 0:
        raise PdfUnavailable(_("Chromium 没有写出 PDF,请改用 HTML 报告打印。"))
    return out


class PdfExport:
    suffix = ".pdf"

    def export(self, d: SessionData, versions: list[object], out: Path) -> Path:
        with tempfile.TemporaryDirectory() as tmp:
            page = Path(tmp) / "report.html"
            page.write_text(document(d), encoding="utf-8")
            return print_pdf(page, out)
