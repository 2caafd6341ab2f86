"""Reading cells: every value checked, every problem kept with its cell, nothing guessed.

A formula or an error value is reported, not evaluated (the workbook is read with
``data_only=False``, so the formula itself is seen); a merged range is reported at its first
cell and none of its cells is read. After such a problem the cell is *blocked*: later checks do
not pile further messages on it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from openpyxl.utils import get_column_letter

from kit.content.workbook.layout import NO, SEPARATORS, YES
from kit.i18n import _


@dataclass(frozen=True, order=True)
class CellProblem:
    file: str
    sheet: str
    cell: str
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.sheet}!{self.cell}: {self.field}: {self.message}"


@dataclass
class Problems:
    file: str
    found: list[CellProblem] = field(default_factory=list)
    blocked: set[tuple[str, str]] = field(default_factory=set)

    def add(self, sheet: str, cell: str, name: str, message: str, block: bool = False) -> None:
        if (sheet, cell) in self.blocked:
            return
        self.found.append(CellProblem(self.file, sheet, cell, name, message))
        if block:
            self.blocked.add((sheet, cell))


@dataclass(frozen=True)
class Cell:
    coord: str
    value: Any = None


@dataclass(frozen=True)
class Row:
    sheet: str
    number: int
    cells: Mapping[str, Cell]
    problems: Problems

    def cell(self, header: str) -> Cell:
        return self.cells.get(header) or Cell(f"A{self.number}")

    def fail(self, header: str, message: str) -> None:
        """Report at this row's cell of ``header``; one message per cell (the first found)."""
        self.problems.add(self.sheet, self.cell(header).coord, header, message, block=True)

    def text(self, header: str) -> str | None:
        return as_text(self, header, self.cell(header).value)

    def codes(self, header: str) -> tuple[str, ...]:
        raw = self.text(header) or ""
        return tuple(part.strip() for part in SEPARATORS.split(raw) if part.strip())

    def lines(self, header: str) -> tuple[str, ...]:
        raw = self.text(header) or ""
        return tuple(line.strip() for line in raw.splitlines() if line.strip())

    def integer(self, header: str) -> int | None:
        value = self.cell(header).value
        if value is None or value == "":
            return None
        number = as_int(value)
        if number is None:
            self.fail(header, _("应为整数,实际为 {actual}").format(actual=repr(value)))
        return number

    def integers(self, header: str) -> tuple[int, ...]:
        numbers = tuple(as_int(code) for code in self.codes(header))
        if any(n is None for n in numbers):
            self.fail(header, _("应为用 ; 分隔的整数,实际为 {actual}").format(
                actual=repr(self.text(header))))
            return ()
        return tuple(n for n in numbers if n is not None)

    def choice(self, header: str, shown: Mapping[str, str]) -> str | None:
        raw = self.text(header)
        if raw is None:
            return None
        for stored, label in shown.items():
            if raw in (stored, label):
                return stored
        self.fail(header, _("应为 {expected} 之一,实际为 {actual}").format(
            expected="、".join(shown.values()), actual=repr(raw)))
        return None

    def flag(self, header: str) -> bool:
        raw = (self.text(header) or "").lower()
        if raw in ("", NO, "false", "0", "no"):
            return False
        if raw in (YES, "true", "1", "yes"):
            return True
        self.fail(header, _("应为“{yes}”或留空,实际为 {actual}").format(yes=YES, actual=repr(raw)))
        return False


def as_text(row: Row, header: str, value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float):
        return str(as_int(value) if as_int(value) is not None else value)
    if isinstance(value, dt.datetime | dt.date | dt.time):
        row.fail(header, _("应为文本,Excel 把它转成了日期或时间;请把单元格格式设为“文本”后重填"))
        return None
    return str(value).strip() or None


def as_int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value.strip())
    return None


def coord(row: int, column: int) -> str:
    return f"{get_column_letter(column)}{row}"


def nonempty(values: Iterable[Any]) -> bool:
    return any(v is not None and str(v).strip() for v in values)
