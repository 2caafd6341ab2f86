"""What every sheet reader shares: model validation at the right cell, files, duplicates."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError

from kit.content.problems import message_zh
from kit.content.workbook.cells import Row
from kit.i18n import _

M = TypeVar("M", bound=BaseModel)
FILE_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]*\.yaml$")
Loc = tuple[int | str, ...]


@dataclass(frozen=True)
class Read(Generic[M]):
    """One entry read from one row (and, for cases and quiz items, the file it goes to)."""

    row: Row
    entry: M
    file: str = ""


def validated(row: Row, model: type[M], data: dict[str, Any],
              header_of: Callable[[Loc], str]) -> M | None:
    """The model, or None with each pydantic error reported at its column's cell."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        for err in exc.errors():
            empty = err["type"] == "missing" or err.get("input", "") is None
            row.fail(header_of(tuple(err["loc"])), _("必填,不能为空") if empty else message_zh(err))
        return None


def first_header(table: dict[str, str], default: str) -> Callable[[Loc], str]:
    """A ``header_of`` that looks up the first part of the error's location."""
    return lambda loc: table.get(str(loc[0]), default) if loc else default


def file_of(row: Row, kind: str) -> str | None:
    name = row.text("文件")
    if name is None:
        row.fail("文件", _("请填写这一条所在的 YAML 文件名"))
        return None
    name = name.removeprefix(f"{kind}/")
    if not FILE_NAME.match(name):
        row.fail("文件", _("文件名只能用小写字母、数字、_ 和 -,并以 .yaml 结尾,实际为 {actual}"
                           ).format(actual=repr(name)))
        return None
    return f"{kind}/{name}"


def duplicates(reads: Iterable[Read[Any]], key: Callable[[Read[Any]], str], header: str,
               what: str) -> None:
    seen: dict[str, Read[Any]] = {}
    for read in reads:
        ident = key(read)
        if ident in seen:
            first = seen[ident].row
            read.row.fail(header, _("{what}重复:{ident}(首次出现在 {first})").format(
                what=what, ident=repr(ident), first=f"{first.sheet}!{first.cell(header).coord}"))
        else:
            seen[ident] = read
