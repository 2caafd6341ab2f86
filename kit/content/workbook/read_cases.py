"""The 案例 sheet → cases, each checked against the (imported) taxonomy at its cell."""

from __future__ import annotations

from typing import Any

from kit.content.checks import COMPLAINT_DIMENSIONS
from kit.content.models import Case, Dimension, Taxonomy
from kit.content.workbook import layout as L
from kit.content.workbook.cells import Problems, Row
from kit.content.workbook.readers import Loc, Read, duplicates, file_of, validated
from kit.content.workbook.sheets import rows
from kit.i18n import _

FIELDS = {"id": "id", "kind": "类型", "title": "标题", "modules": "模块", "difficulty": "难度",
          "narrative": "案情", "facts": "关键事实", "sources": "来源"}
REQUIRED = ("文件", "id", "类型", "标题", "模块", "难度", "案情")


class CaseSheet:
    """Reads the sheet with the taxonomy the import will write (dimension headers by id)."""

    def __init__(self, taxonomy: Taxonomy, problems: Problems) -> None:
        self.dims = {d.id: d for d in taxonomy.dimensions}
        self.problems = problems
        self.key_headers: dict[str, str] = {}

    def known(self, header: str) -> bool:
        if header in L.CASE_FIXED or header in L.CASE_TAIL:
            return True
        found = L.DIM_HEADER.match(header)
        if found is None:
            return False
        if found["name"] in (L.EXPLAIN, L.PLAN):
            return True
        if found["id"] in self.dims and found["id"] not in self.key_headers:
            self.key_headers[found["id"]] = header
            return True
        return False

    def header_of(self, loc: Loc) -> str:
        if len(loc) >= 2 and loc[0] == "key":
            return self.key_headers.get(str(loc[1]), "id")
        if len(loc) >= 2 and loc[0] in ("explanations", "model_plan"):
            prefix = L.EXPLAIN if loc[0] == "explanations" else L.PLAN
            return f"{prefix}[{loc[1]}]"
        if loc and loc[0] == "key":
            return next(iter(self.key_headers.values()), "id")
        return FIELDS.get(str(loc[0]), "id") if loc else "id"

    def data(self, row: Row) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": row.text("id"), "kind": row.choice("类型", L.CASE_KINDS),
            "title": row.text("标题"), "modules": row.integers("模块"),
            "difficulty": row.integer("难度"), "narrative": row.text("案情"),
            "facts": row.lines("关键事实"), "key": {}, "explanations": {},
            "sources": row.lines("来源"), "model_plan": {}}
        for header in row.cells:
            found = L.DIM_HEADER.match(header)
            if found and found["name"] == L.EXPLAIN and row.text(header):
                out["explanations"][found["id"]] = row.text(header)
            elif found and found["name"] == L.PLAN and row.text(header):
                out["model_plan"][found["id"]] = row.text(header)
            elif found and header == self.key_headers.get(found["id"]) and row.codes(header):
                out["key"][found["id"]] = row.codes(header)
        return out

    def read(self, ws: Any) -> list[Read[Case]]:
        out = []
        for row in rows(ws, L.CASES, self.known, REQUIRED, self.problems):
            file = file_of(row, "cases")
            case = validated(row, Case, self.data(row), self.header_of)
            if case is not None and file is not None:
                self.check(row, case)
                out.append(Read(row, case, file))
        duplicates(out, lambda r: r.entry.id, "id", _("案例 id "))
        return out

    def check(self, row: Row, case: Case) -> None:
        for dim_id, codes in case.key.items():
            check_codes(row, self.key_headers[dim_id], self.dims[dim_id], codes)
        for dim_id in case.explanations:
            if dim_id not in case.key:
                row.fail(f"{L.EXPLAIN}[{dim_id}]", _("该维度没有答案,这条解析不会显示"))
        if case.kind == "complaint":
            for dim_id in COMPLAINT_DIMENSIONS:
                if dim_id not in case.key:
                    row.fail(self.key_headers.get(dim_id, "id"),
                             _("投诉案例必须填写维度 {dim} 的答案(不能为空)").format(dim=dim_id))


def check_codes(row: Row, header: str, dim: Dimension, codes: tuple[str, ...]) -> None:
    unknown = [c for c in codes if dim.label(c) is None]
    if unknown:
        row.fail(header, _("标签 {codes} 不属于维度「{dim}」(可选:{allowed})").format(
            codes="、".join(unknown), dim=dim.name, allowed="、".join(dim.codes)))
    elif len(set(codes)) != len(codes):
        row.fail(header, _("同一标签填了两次"))
    elif dim.cardinality == "single" and len(codes) != 1:
        row.fail(header, _("「{dim}」是单选维度,只能填 1 个标签,实际填了 {count} 个").format(
            dim=dim.name, count=len(codes)))
    elif len(codes) > 1 and set(codes) & set(dim.exclusive):
        row.fail(header, _("{codes} 只能单独填写,不能与其他标签同时出现").format(
            codes="/".join(dim.exclusive)))
