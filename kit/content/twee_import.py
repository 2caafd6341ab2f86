"""A Twine story (Twee 3) read back into scenario data: the inverse of
:func:`kit.content.twee_scenario.to_passages`.

The result is plain data, not a model: a story drafted in Twine may still lack fields, and the
YAML written from it keeps whatever is there, so that ``kit validate`` can point at what is
missing, line by line, instead of the import losing it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

import yaml
from pydantic import BaseModel

from kit.content.scenario_models import Choice, Ending, Node, Scenario
from kit.content.twee import Passage, TweeFile
from kit.content.twee_scenario import COMMENT, LINK, TweeProblem
from kit.i18n import _

ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
SPECIAL = {"StoryTitle", "StoryData", "KitScenario"}


@dataclass(frozen=True)
class Imported:
    data: dict[str, Any]
    warnings: tuple[str, ...]


def _ordered(data: dict[str, Any], model: type[BaseModel]) -> dict[str, Any]:
    """The keys in the model's order (unknown keys last, for the validator to name)."""
    known = [k for k in model.model_fields if k in data and data[k] is not None]
    return {**{k: data[k] for k in known}, **{k: v for k, v in data.items() if k not in known}}


def _link(inner: str) -> tuple[str, str]:
    """Twine's link forms: ``text->target`` (rightmost arrow), ``target<-text`` (leftmost),
    ``text|target``, ``target``; a setter ``][…`` is dropped."""
    inner = inner.split("][", 1)[0]
    if "|" in inner:
        text, target = inner.split("|", 1)
    elif "->" in inner:
        text, target = inner.rsplit("->", 1)
    elif "<-" in inner:
        target, text = inner.split("<-", 1)
    else:
        text = target = inner
    return text.strip(), target.strip()


def _comment(p: Passage, warnings: list[str]) -> tuple[str, Any]:
    found = COMMENT.search(p.text)
    if not found:
        return p.text, None
    try:
        meta = yaml.safe_load(found.group(1))
    except yaml.YAMLError:
        warnings.append(_("第 {line} 行段落 {name}:kit 注释不是有效的 YAML,已忽略").format(
            line=p.line, name=p.name))
        meta = None
    return (p.text[:found.start()] + p.text[found.end():]).strip(), meta


def _node(p: Passage, ids: dict[str, str], warnings: list[str]) -> dict[str, Any]:
    text, meta = _comment(p, warnings)
    links = [_link(m) for m in LINK.findall(text)]
    body = LINK.sub("", text).strip()
    narration = None
    if body.startswith("//") and "//" in body[2:]:
        end = body.index("//", 2)
        narration, body = body[2:end].strip(), body[end + 2:].strip()
    metas = meta if isinstance(meta, list) else []
    if len(metas) != len(links):
        warnings.append(_("第 {line} 行段落 {name}:{links} 个链接,"
                          "kit 注释中有 {metas} 条回应数据,请补齐").format(
            line=p.line, name=p.name, links=len(links), metas=len(metas)))
    choices = [_ordered({"text": t, "next": ids.get(target, target),
                         **(metas[i] if i < len(metas) and isinstance(metas[i], dict) else {})},
                        Choice) for i, (t, target) in enumerate(links)]
    return _ordered({"id": ids[p.name], "narration": narration, "customer": body,
                     "choices": choices}, Node)


def _ending(p: Passage, ids: dict[str, str], warnings: list[str]) -> dict[str, Any]:
    text, meta = _comment(p, warnings)
    verdict, _, debrief = text.partition("\n\n")
    return _ordered({"id": ids[p.name], **(meta if isinstance(meta, dict) else {}),
                     "verdict": verdict.strip(), "debrief": debrief.strip()}, Ending)


def _ids(story: list[Passage], warnings: list[str]) -> dict[str, str]:
    ids, n = {}, 0
    for p in story:
        if ID.match(p.name):
            ids[p.name] = p.name
        else:
            n += 1
            ids[p.name] = f"p{n}"
            warnings.append(_("段落名 {name} 不能作为 id,已改为 {id}").format(
                name=repr(p.name), id=repr(ids[p.name])))
    return ids


def from_twee(twee: TweeFile) -> Imported:
    warnings = list(twee.warnings)
    story = [p for p in twee.passages if p.name not in SPECIAL
             and not {"script", "stylesheet"} & set(p.tags)]
    dropped = [p.name for p in twee.passages if {"script", "stylesheet"} & set(p.tags)]
    if dropped:
        warnings.append(_("脚本与样式段落不属于情景,已忽略:{names}").format(
            names=_("、").join(dropped)))
    if not story:
        raise TweeProblem(_("文件中没有任何故事段落"))
    ids = _ids(story, warnings)
    head = twee.get("KitScenario")
    header = yaml.safe_load(head.text) if head else None
    if not isinstance(header, dict):
        warnings.append(_("缺少 KitScenario 段落(情景设置),请在 YAML 中补齐类别、情绪等字段"))
        header = {}
    data = _story_data(twee, warnings)
    title = twee.get("StoryTitle")
    is_end = [("kit-ending" in p.tags) or ("kit-node" not in p.tags and not LINK.search(p.text))
              for p in story]
    out = {"schema_version": header.pop("schema_version", 1), "id": header.pop("id", None),
           "title": title.text.strip() if title else None, **header,
           "start": ids.get(data.get("start", ""), data.get("start")) or ids[story[0].name],
           "nodes": [_node(p, ids, warnings) for p, e in zip(story, is_end, strict=True) if not e],
           "endings": [_ending(p, ids, warnings) for p, e in zip(story, is_end, strict=True) if e]}
    return Imported(_ordered(out, Scenario), tuple(warnings))


def _story_data(twee: TweeFile, warnings: list[str]) -> dict[str, Any]:
    p = twee.get("StoryData")
    if p is None:
        return {}
    try:
        data = json.loads(p.text)
    except json.JSONDecodeError:
        warnings.append(_("StoryData 不是有效的 JSON,已忽略"))
        return {}
    return data if isinstance(data, dict) else {}
