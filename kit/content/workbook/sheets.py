"""A worksheet → header map → rows; formulas, error values and merged cells reported."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from kit.content.workbook.cells import Cell, Problems, Row, coord, nonempty
from kit.i18n import _

HeaderCheck = Callable[[str], bool]


def _merged(ws: Any, sheet: str, names: dict[int, str], problems: Problems) -> set[str]:
    """Report each merged range at its first cell; return every cell inside one."""
    inside: set[str] = set()
    for rng in ws.merged_cells.ranges:
        first = coord(rng.min_row, rng.min_col)
        problems.add(sheet, first, names.get(rng.min_col, _("(合并单元格)")),
                     _("合并了单元格 {cells}:请取消合并,并在每一行各自填写").format(
                         cells=rng.coord), block=True)
        for row in range(rng.min_row, rng.max_row + 1):
            for col in range(rng.min_col, rng.max_col + 1):
                inside.add(coord(row, col))
                problems.blocked.add((sheet, coord(row, col)))
    return inside


def _value(cell: Any, sheet: str, header: str, problems: Problems) -> Any:
    if cell.data_type == "f":
        problems.add(sheet, cell.coordinate, header,
                     _("单元格是公式({formula}):请改为直接填写的值").format(formula=cell.value),
                     block=True)
        return None
    if cell.data_type == "e":
        problems.add(sheet, cell.coordinate, header,
                     _("单元格是错误值 {value}").format(value=cell.value), block=True)
        return None
    return cell.value


def headers(ws: Any, sheet: str, known: HeaderCheck, required: tuple[str, ...],
            problems: Problems) -> dict[int, str]:
    found: dict[int, str] = {}
    for cell in next(ws.iter_rows(min_row=1, max_row=1), ()):
        text = str(cell.value).strip() if cell.value is not None else ""
        if not text:
            continue
        if text in found.values():
            problems.add(sheet, cell.coordinate, text, _("列标题重复"))
        elif not known(text):
            problems.add(sheet, cell.coordinate, text, _("不认识的列标题(是否改动了标题?)"))
        else:
            found[cell.column] = text
    for name in required:
        if name not in found.values():
            problems.add(sheet, "A1", name, _("缺少列「{column}」").format(column=name))
    return found


def rows(ws: Any, sheet: str, known: HeaderCheck, required: tuple[str, ...],
         problems: Problems) -> Iterator[Row]:
    """The sheet's non-empty rows, each as header → cell."""
    names = headers(ws, sheet, known, required, problems)
    if not set(required) <= set(names.values()):
        return  # a missing column is reported once, not again on every row
    merged = _merged(ws, sheet, names, problems)
    for cells in ws.iter_rows(min_row=2):
        mapping: dict[str, Cell] = {}
        for cell in cells:
            header = names.get(cell.column)
            if header is None:
                continue
            inside = cell.coordinate in merged  # blocked: reported once, at the range
            value = None if inside else _value(cell, sheet, header, problems)
            mapping[header] = Cell(cell.coordinate, value)
        touched = any(c.coordinate in merged or c.data_type in "fe" for c in cells)
        if touched or nonempty(c.value for c in mapping.values()):
            yield Row(sheet, cells[0].row, mapping, problems)
