"""From what the workbook says to the YAML files that change (and only those)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from kit.content.extra_models import RuleFile, RuleSet
from kit.content.models import Case, CaseFile, Item, ItemFile, Taxonomy
from kit.content.workbook.merge import merge_model, to_node
from kit.content.workbook.readers import Read
from kit.content.workbook.snapshot import POLLS, RULES, TAXONOMY, Snapshot
from kit.content.yamlwrite import dumps, load


@dataclass
class Plan:
    files: dict[str, str | None] = field(default_factory=dict)
    """Relative path → new text (None: the file is left empty and removed)."""
    changed: dict[str, list[str]] = field(default_factory=dict)
    """Relative path → ids of the entries that changed, moved or were added there."""
    kept: dict[str, list[str]] = field(default_factory=dict)
    """Kind → ids in data/ that the workbook does not list (left as they are)."""


def write_model(root: Path, rel: str, old: BaseModel | None, new: BaseModel) -> str:
    if old is None or not (root / rel).exists():
        return dumps(to_node(new))
    doc = load(root / rel)
    merge_model(doc, old, new)
    return dumps(doc)


def _by_file(placed: Sequence[tuple[str, Any]]) -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = {}
    for file, entry in placed:
        out.setdefault(file, []).append(entry)
    return out


def entries(plan: Plan, root: Path, old: Sequence[tuple[str, Case | Item]],
            reads: Sequence[Read[Any]], kind: str) -> None:
    """Cases or items: updated in their file, moved to another, or added at the end."""
    before = _by_file(old)
    after = {f: list(es) for f, es in before.items()}
    where = {e.id: f for f, e in old}
    for read in reads:
        ident, target = read.entry.id, read.file
        source = where.get(ident)
        if source == target:
            after[target] = [read.entry if e.id == ident else e for e in after[target]]
        else:
            if source is not None:
                after[source] = [e for e in after[source] if e.id != ident]
            after.setdefault(target, []).append(read.entry)
            where[ident] = target
    listed = {r.entry.id for r in reads}
    plan.kept[kind] = [e.id for _, e in old if e.id not in listed]
    for rel, now in after.items():
        _entry_file(plan, root, rel, before.get(rel), now)


def _entry_file(plan: Plan, root: Path, rel: str, before: list[Any] | None,
                now: list[Any]) -> None:
    if before == now:
        return
    plan.changed[rel] = [e.id for e in now if e not in (before or [])]
    if not now:
        plan.files[rel] = None
        return
    model: type[BaseModel] = CaseFile if rel.startswith("cases/") else ItemFile
    key = "cases" if model is CaseFile else "items"
    old = model.model_validate({"schema_version": 1, key: before}) if before else None
    new = model.model_validate({"schema_version": 1, key: now})
    plan.files[rel] = write_model(root, rel, old, new)


def taxonomy(plan: Plan, snap: Snapshot, new: Taxonomy) -> None:
    if new != snap.taxonomy:
        plan.files[TAXONOMY] = write_model(snap.root, TAXONOMY, snap.taxonomy, new)
        plan.changed[TAXONOMY] = [d.id for d in new.dimensions
                                  if d not in snap.taxonomy.dimensions]


def rules(plan: Plan, snap: Snapshot, new: Sequence[RuleSet]) -> None:
    if tuple(new) == snap.rulesets or not new:
        return
    old = RuleFile(schema_version=1, rulesets=snap.rulesets) if snap.rulesets else None
    plan.files[RULES] = write_model(snap.root, RULES, old,
                                    RuleFile(schema_version=1, rulesets=tuple(new)))
    plan.changed[RULES] = [r.id for r in new if r not in snap.rulesets]


def polls_placed(snap: Snapshot) -> list[tuple[str, Item]]:
    return [(POLLS, p) for p in snap.polls]
