"""Write the workbook: a guide sheet, one sheet per kind, dropdowns from the taxonomy."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from kit.content.workbook import layout as L
from kit.content.workbook.guide import GUIDE
from kit.content.workbook.rows_out import (
    Cells,
    case_cells,
    dim_header,
    dimension_cells,
    item_cells,
    label_cells,
    rule_cells,
)
from kit.content.workbook.snapshot import Snapshot
from kit.content.workbook.validation import Dropdowns, case_dropdowns, other_dropdowns

WRAP = Alignment(wrap_text=True, vertical="top")
HEAD = Font(bold=True)
HEAD_FILL = PatternFill("solid", fgColor="DDEBF7")


def plan_sections(snap: Snapshot) -> tuple[str, ...]:
    """Model-plan columns: every template section, then any other key a case uses."""
    found = [s.id for t in snap.templates for s in t.sections]
    found += [k for p in snap.cases for k in p.entry.model_plan]  # type: ignore[union-attr]
    return tuple(dict.fromkeys(found))


def case_headers(snap: Snapshot) -> tuple[str, ...]:
    dims = [(dim_header(d), f"{L.EXPLAIN}[{d.id}]") for d in snap.taxonomy.dimensions]
    return (*L.CASE_FIXED, *(h for pair in dims for h in pair), *L.CASE_TAIL,
            *(f"{L.PLAN}[{s}]" for s in plan_sections(snap)))


def option_count(snap: Snapshot) -> int:
    items = [p.entry for p in snap.quizzes] + list(snap.polls)
    return max([L.MIN_OPTIONS, *(len(i.options) for i in items)])  # type: ignore[union-attr]


def fill(ws: Any, headers: tuple[str, ...], rows: Iterable[Cells]) -> int:
    """Headers in row 1, one entry per row after it; return the number of entries."""
    ws.append(list(headers))
    for cell in ws[1]:
        cell.font, cell.fill = HEAD, HEAD_FILL
    for row in rows:
        ws.append([row.get(h) for h in headers])
        for cell in ws[ws.max_row]:
            cell.alignment = WRAP
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # text, not a formula
    for i, header in enumerate(headers, start=1):
        ws.column_dimensions[get_column_letter(i)].width = _width(header)
    ws.freeze_panes = "C2" if "id" in headers[:2] else "B2"
    return int(ws.max_row) - 1


def _width(header: str) -> int:
    base = header.split("[")[0]
    return next((w for key, w in L.WIDTHS.items() if base.startswith(key)), 14)


def build(snap: Snapshot) -> Workbook:
    wb = Workbook()
    guide = wb.active
    guide.title = L.README
    for line in GUIDE:
        guide.append([line])
    guide.column_dimensions["A"].width = 110
    lists = Dropdowns(wb.create_sheet(L.LISTS))
    dims, options = snap.taxonomy.dimensions, option_count(snap)
    sheets = {
        L.CASES: (case_headers(snap), (case_cells(p, dims, plan_sections(snap))
                                       for p in snap.cases)),
        L.QUIZ: (L.item_headers(options, True),
                 (item_cells(p.entry, p.file) for p in snap.quizzes)),  # type: ignore[arg-type]
        L.POLLS: (L.item_headers(options, False), (item_cells(i, None) for i in snap.polls)),
        L.DIMS: (L.DIM_HEADERS, (dimension_cells(d) for d in dims)),
        L.LABELS: (L.LABEL_HEADERS, label_cells(dims)),
        L.RULES: (L.RULE_HEADERS, rule_cells(snap.rulesets)),
    }
    for title, (headers, rows) in sheets.items():
        ws = wb.create_sheet(title)
        count = fill(ws, headers, rows)
        if title == L.CASES:
            case_dropdowns(ws, headers, count, lists, snap)
        else:
            other_dropdowns(ws, headers, count, lists, snap)
    wb.move_sheet(L.LISTS, offset=len(wb.sheetnames))
    wb[L.LISTS].sheet_state = "hidden"
    return wb


def export_workbook(snap: Snapshot, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    build(snap).save(path)
