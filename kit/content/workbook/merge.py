"""Edit a loaded YAML tree (ruamel round-trip) from an old model to a new one, in place.

Only what differs is touched: an unchanged field keeps its bytes, its comments and its place;
a changed field is rewritten in the style of the shipped files; a new field goes where the
model's field order puts it; lists of entries (cases, items, dimensions, labels, rule sets,
rules) are matched by id, so entries keep their order, removed ones go and new ones are added
at the end.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from kit.content.workbook.comments import append
from kit.content.yamlwrite import styled

#: List field → the field that identifies its entries.
CHILDREN: Mapping[str, str] = {"cases": "id", "items": "id", "dimensions": "id",
                               "labels": "code", "rulesets": "id", "rules": "id"}


def plain(value: Any) -> Any:
    """Model values as YAML data: models → dicts (defaults left out), tuples → lists."""
    if isinstance(value, BaseModel):
        return {k: plain(v) for k, v in _present(value)}
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return value


def _default(model: type[BaseModel], name: str) -> Any:
    info = model.model_fields[name]
    return ... if info.is_required() else info.get_default(call_default_factory=True)


def _present(model: BaseModel) -> list[tuple[str, Any]]:
    return [(name, getattr(model, name)) for name in type(model).model_fields
            if getattr(model, name) != _default(type(model), name)]


def to_node(model: BaseModel) -> CommentedMap:
    return CommentedMap((k, _styled(k, plain(v))) for k, v in _present(model))


def _styled(key: str, value: Any) -> Any:
    if key in CHILDREN and isinstance(value, list):
        return CommentedSeq(CommentedMap((k, _styled(k, v)) for k, v in entry.items())
                            for entry in value)
    return styled(key, value)


def merge_model(node: CommentedMap, old: BaseModel, new: BaseModel) -> None:
    fields = list(type(new).model_fields)
    for name in fields:
        before, after = getattr(old, name), getattr(new, name)
        if before == after:
            continue
        if name in CHILDREN and isinstance(node.get(name), CommentedSeq):
            merge_seq(node[name], before, after, CHILDREN[name])
        elif isinstance(after, dict) and isinstance(node.get(name), CommentedMap) and after:
            merge_dict(node[name], before, after, name)
        elif after == _default(type(new), name):
            node.pop(name, None)
        else:
            put(node, name, _styled(name, plain(after)), fields)


def put(node: CommentedMap, name: str, value: Any, order: list[str]) -> None:
    if name in node:
        node[name] = value
        return
    at = sum(1 for key in node if key in order and order.index(key) < order.index(name))
    node.insert(at, name, value)


def merge_dict(node: CommentedMap, before: dict[Any, Any], after: dict[Any, Any],
               field: str) -> None:
    for key in [k for k in node if k not in after]:
        del node[key]
    for key, value in after.items():
        if key not in node or before.get(key) != value:
            node[key] = styled(field, {key: plain(value)})[key]


def merge_seq(seq: CommentedSeq, before: tuple[BaseModel, ...], after: tuple[BaseModel, ...],
              key: str) -> None:
    old = {getattr(m, key): m for m in before}
    new = {getattr(m, key): m for m in after}
    for i in reversed(range(len(seq))):
        if seq[i][key] not in new:
            del seq[i]
    for node in seq:
        ident = node[key]
        if old[ident] != new[ident]:
            merge_model(node, old[ident], new[ident])
    for ident, model in new.items():
        if ident not in old:
            append(seq, to_node(model))
