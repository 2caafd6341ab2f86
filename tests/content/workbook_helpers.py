"""Helpers for the workbook tests: a copy of data/, export, edit a sheet, import."""

from __future__ import annotations

import hashlib
import io
import shutil
from collections.abc import Callable
from contextlib import redirect_stdout
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from kit.content.workbook.run import export_xlsx, import_xlsx
from kit.settings import REPO_ROOT


def copy_data(tmp: Path) -> Path:
    """Whatever data/ holds right now, copied: the tests never write the real data/."""
    target = tmp / "data"
    shutil.copytree(REPO_ROOT / "data", target)
    return target


def digest(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def export(data: Path, path: Path) -> Path:
    out = io.StringIO()
    with redirect_stdout(out):
        assert export_xlsx(data, path) == 0, out.getvalue()
    return path


def run_import(data: Path, path: Path, dry_run: bool = False) -> tuple[int, str]:
    out = io.StringIO()
    with redirect_stdout(out):
        code = import_xlsx(data, path, dry_run)
    return code, out.getvalue()


def headers(ws: Any) -> dict[str, str]:
    """Header text → column letter."""
    return {c.value: c.column_letter for c in ws[1] if c.value}


def edit(path: Path, sheet: str, change: Callable[[Any, dict[str, str]], None]) -> Path:
    wb = load_workbook(path)
    change(wb[sheet], headers(wb[sheet]))
    wb.save(path)
    return path
