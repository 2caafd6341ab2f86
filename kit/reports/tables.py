"""Writing named tables as one workbook (a sheet each) or as CSV files (UTF-8 with BOM)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from kit.reports.export import write_sheets
from kit.reports.headers import translated


def write(tables: dict[str, pd.DataFrame], fmt: str, out: Path) -> list[Path]:
    """xlsx: one sheet per table. csv: the first table at ``out``, each other one beside it
    as ``<stem>-<name>.csv``. Known column names are written in the UI's language. Returns
    the files written."""
    tables = {name: translated(frame) for name, frame in tables.items()}
    if fmt == "xlsx":
        return [write_sheets(tables, out)]
    paths = []
    for i, (name, frame) in enumerate(tables.items()):
        path = out if i == 0 else out.with_name(f"{out.stem}-{name}{out.suffix}")
        frame.to_csv(path, index=False, encoding="utf-8-sig")
        paths.append(path)
    return paths
