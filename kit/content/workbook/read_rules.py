"""The 规则 sheet → rule sets: one row per rule, its set's name and templates on every row."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kit.content.extra_models import Rule, RuleSet
from kit.content.workbook import layout as L
from kit.content.workbook.cells import Problems, Row
from kit.content.workbook.readers import Loc, first_header, validated
from kit.content.workbook.sheets import rows
from kit.i18n import _

FIELDS = {"id": "规则", "kind": "类型", "title": "标题", "message": "提示", "patterns": "模式",
          "regex": "正则", "sections": "分节", "source": "出处", "severity": "级别"}
SET_FIELDS = {"id": "规则集", "name": "规则集名称", "applies_to": "适用模板"}


@dataclass
class _Set:
    head: dict[str, Any]
    row: Row | None
    rules: list[tuple[Rule, Row | None]] = field(default_factory=list)


def _rule(row: Row) -> Rule | None:
    data = {"id": row.text("规则"), "kind": row.choice("类型", L.RULE_KINDS),
            "title": row.text("标题"), "message": row.text("提示"),
            "patterns": row.lines("模式"), "regex": row.flag("正则"),
            "sections": row.codes("分节"), "source": row.text("出处"),
            "severity": row.choice("级别", L.SEVERITIES) or "warn"}
    return validated(row, Rule, data, _rule_header)


def _rule_header(loc: Loc) -> str:
    return FIELDS.get(str(loc[0]), "模式") if loc else "模式"  # a pattern that does not compile


def _head(row: Row, found: dict[str, _Set], ident: str) -> None:
    head = {"id": ident, "name": row.text("规则集名称"), "applies_to": row.codes("适用模板")}
    current = found.get(ident)
    if current is None or current.row is None:
        found[ident] = _Set(head, row, current.rules if current else [])
        return
    for key, header in SET_FIELDS.items():
        if head[key] != current.head[key]:
            row.fail(header, _("与同一规则集的第 {row} 行不一致:同一规则集的每一行应填写相同的值"
                               ).format(row=current.row.number))


def _place(row: Row, group: _Set, rule: Rule, seen: set[tuple[str, str]]) -> None:
    if (group.head["id"], rule.id) in seen:
        row.fail("规则", _("规则集 {ruleset} 中的规则 id 重复:{rule}").format(
            ruleset=group.head["id"], rule=repr(rule.id)))
        return
    seen.add((group.head["id"], rule.id))
    at = next((i for i, (r, _) in enumerate(group.rules) if r.id == rule.id), len(group.rules))
    group.rules[at:at + 1] = [(rule, row)]


def _read_rows(ws: Any, problems: Problems, found: dict[str, _Set]) -> None:
    seen: set[tuple[str, str]] = set()
    for row in rows(ws, L.RULES, L.RULE_HEADERS.__contains__, L.RULE_HEADERS, problems):
        ident = row.text("规则集")
        if ident is None:
            row.fail("规则集", _("缺少规则集 id"))
            continue
        _head(row, found, ident)
        rule = _rule(row)
        if rule is not None:
            _place(row, found[ident], rule, seen)


def _ruleset(group: _Set) -> RuleSet | None:
    data = {**group.head, "rules": [r for r, _ in group.rules]}
    where = group.row or next((r for _, r in group.rules if r is not None), None)
    if where is None:
        return RuleSet.model_validate(data)  # untouched by the sheet: valid before
    return validated(where, RuleSet, data, first_header(SET_FIELDS, "规则集"))


def read_rules(wb: Any, problems: Problems, old: tuple[RuleSet, ...]) -> list[RuleSet] | None:
    """The rule sets after the sheet's rows (the current ones if there is no 规则 sheet)."""
    found = {rs.id: _Set(rs.model_dump(include={"id", "name", "applies_to"}), None,
                         [(r, None) for r in rs.rules]) for rs in old}
    if L.RULES in wb.sheetnames:
        _read_rows(wb[L.RULES], problems, found)
    out = [_ruleset(group) for group in found.values()]
    return None if any(r is None for r in out) else [r for r in out if r is not None]
