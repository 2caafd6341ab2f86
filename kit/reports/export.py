"""Export plugins: each has one method, ``export(data, versions, out) -> Path``.

Exports hold personal data: they are written only to the path the instructor gives.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Protocol

import pandas as pd

from kit.reports.data import SessionData
from kit.reports.sheets import topics
from kit.store import Store


class Exporter(Protocol):
    suffix: str

    def export(self, d: SessionData, versions: list[object], out: Path) -> Path: ...


def _width(series: pd.Series, header: str) -> float:
    longest = max([len(str(v)) for v in series.head(200)] + [len(header)])
    return float(min(60, max(8, longest * 1.8)))


def write_sheets(tables: Mapping[str, pd.DataFrame], out: Path) -> Path:
    """One sheet per table, the header row frozen, columns as wide as their content.

    Written with XlsxWriter, which only writes: for a 200-trainee session it took 4.0 s of CPU
    where openpyxl took 6.8 s (same store, same run, this 2-core machine). Every text stays
    text: a trainee's "=HYPERLINK(…)" is never written as a formula, nor a web address as a link.
    """
    options = {"strings_to_formulas": False, "strings_to_urls": False}
    with pd.ExcelWriter(out, engine="xlsxwriter", engine_kwargs={"options": options}) as writer:
        for name, frame in tables.items():
            frame.to_excel(writer, sheet_name=name, index=False, freeze_panes=(1, 0))
            sheet = writer.sheets[name]
            for i, col in enumerate(frame.columns):
                sheet.set_column(i, i, _width(frame[col], str(col)))
    return out


class XlsxExport:
    suffix = ".xlsx"

    def export(self, d: SessionData, versions: list[object], out: Path) -> Path:
        return write_sheets(topics(d, versions), out)


class CsvExport:
    """One UTF-8 (with BOM, so Excel opens it) CSV per topic, in a folder."""

    suffix = ""

    def export(self, d: SessionData, versions: list[object], out: Path) -> Path:
        out.mkdir(parents=True, exist_ok=True)
        for name, frame in topics(d, versions).items():
            frame.to_csv(out / f"{name}.csv", index=False, encoding="utf-8-sig")
        return out


class RecordExport:
    """The training record alone: the stable format in docs/records.md."""

    suffix = ".csv"

    def export(self, d: SessionData, versions: list[object], out: Path) -> Path:
        from kit.reports.frames_more import training_record

        training_record(d).to_csv(out, index=False, encoding="utf-8-sig")
        return out


def exporters(store: Store) -> dict[str, Exporter]:
    """Every format; certificates write their codes to ``store``."""
    from kit.reports.certificates import CertificateExport
    from kit.reports.html import HtmlExport
    from kit.reports.pdf import PdfExport

    return {"xlsx": XlsxExport(), "csv": CsvExport(), "html": HtmlExport(), "pdf": PdfExport(),
            "record": RecordExport(), "certificates": CertificateExport(store)}
