"""The 维度 and 标签 sheets → the taxonomy, merged over the current one by id and code."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kit.content.models import Dimension, Label, Taxonomy
from kit.content.workbook import layout as L
from kit.content.workbook.cells import Problems, Row
from kit.content.workbook.readers import Loc, validated
from kit.content.workbook.sheets import rows
from kit.i18n import _

DIM_FIELDS = {"id": "id", "name": "名称", "description": "说明", "cardinality": "选择方式",
              "exclusive": "互斥标签"}
LABEL_FIELDS = {"code": "编码", "name": "名称", "description": "说明"}


@dataclass
class _Dim:
    data: dict[str, Any]
    row: Row | None
    labels: list[tuple[dict[str, Any], Row | None]] = field(default_factory=list)


def _dimension_rows(ws: Any, problems: Problems, found: dict[str, _Dim]) -> None:
    for row in rows(ws, L.DIMS, L.DIM_HEADERS.__contains__, L.DIM_HEADERS, problems):
        ident = row.text("id")
        if ident is None:
            row.fail("id", _("缺少维度 id"))
        elif ident in found and (first := found[ident].row) is not None:
            row.fail("id", _("维度 id 重复:{ident}(首次出现在 {first})").format(
                ident=repr(ident), first=f"{L.DIMS}!{first.cell('id').coord}"))
        else:
            old = found.get(ident)
            data = {"id": ident, "name": row.text("名称"), "description": row.text("说明"),
                    "cardinality": row.choice("选择方式", L.CHOICES),
                    "exclusive": row.codes("互斥标签")}
            found[ident] = _Dim(data, row, old.labels if old else [])


def _label_rows(ws: Any, problems: Problems, found: dict[str, _Dim]) -> None:
    seen: dict[tuple[str, str], Row] = {}
    for row in rows(ws, L.LABELS, L.LABEL_HEADERS.__contains__, L.LABEL_HEADERS, problems):
        dim, code = row.text("维度"), row.text("编码")
        if dim not in found:
            row.fail("维度", _("维度 {dim} 不在“{sheet}”工作表中").format(
                dim=repr(dim), sheet=L.DIMS))
            continue
        if code is None:
            row.fail("编码", _("缺少标签编码"))
            continue
        if (dim, code) in seen:
            row.fail("编码", _("维度 {dim} 的标签编码重复:{code}(首次出现在 {first})").format(
                dim=dim, code=repr(code), first=f"{L.LABELS}!{seen[dim, code].cell('编码').coord}"))
            continue
        seen[dim, code] = row
        data = {"code": code, "name": row.text("名称"), "description": row.text("说明")}
        labels = found[dim].labels
        at = next((i for i, (d, _) in enumerate(labels) if d["code"] == code), len(labels))
        labels[at:at + 1] = [(data, row)]


def _label_header(loc: Loc) -> str:
    return LABEL_FIELDS.get(str(loc[0]), "编码") if loc else "编码"


def _dim_header(loc: Loc) -> str:
    return DIM_FIELDS.get(str(loc[0]), "id") if loc else "id"


def _validate(dim: _Dim) -> Dimension | None:
    data = {**dim.data, "labels": [d for d, _ in dim.labels]}
    for label, row in dim.labels:
        if row is not None and validated(row, Label, label, _label_header) is None:
            return None
    if dim.row is None:
        return Dimension.model_validate(data)  # its own fields unchanged, its labels checked
    if len(dim.labels) < 2:
        dim.row.fail("id", _("维度至少需要 2 个标签(在“{sheet}”工作表中添加)").format(
            sheet=L.LABELS))
        return None
    codes = {d["code"] for d, _ in dim.labels}
    for code in dim.data["exclusive"]:
        if code not in codes:
            dim.row.fail("互斥标签", _("互斥标签 {code} 不是该维度的标签").format(code=code))
    return validated(dim.row, Dimension, data, _dim_header)


def read_taxonomy(wb: Any, problems: Problems, old: Taxonomy) -> Taxonomy | None:
    found = {d.id: _Dim(d.model_dump(exclude={"labels"}), None,
                        [(lab.model_dump(), None) for lab in d.labels]) for d in old.dimensions}
    if L.DIMS in wb.sheetnames:
        _dimension_rows(wb[L.DIMS], problems, found)
    if L.LABELS in wb.sheetnames:
        _label_rows(wb[L.LABELS], problems, found)
    dims = [_validate(d) for d in found.values()]
    if any(d is None for d in dims):
        return None
    return Taxonomy(schema_version=1, dimensions=tuple(d for d in dims if d is not None))
