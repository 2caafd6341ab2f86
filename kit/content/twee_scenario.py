"""A scenario as a Twine story (Twee 3), and back.

Mapping (see ``docs/scenarios.md``):
- ``StoryTitle`` holds the title; ``StoryData`` a stable IFID (from the scenario id) and the start;
- ``KitScenario`` [kit-scenario] holds the other scenario fields as YAML;
- a node is a passage tagged ``kit-node``: ``//narration//``, the customer's line, one link
  ``[[reply->target]]`` per line, then ``<!-- kit … -->`` with each reply's mood, skills, quality,
  feedback, rule and examples as a YAML list in link order (an HTML comment: hidden when the
  story is played in Twine's Harlowe or SugarCube);
- an ending is a passage tagged ``kit-ending``: the verdict, a blank line, the debrief, then
  ``<!-- kit … -->`` with kind, score and revisit.
Passage positions are laid out on export (one column per depth) and not kept on import.
"""

from __future__ import annotations

import json
import re
import uuid
from typing import Any

import yaml

from kit.content.scenario_models import Ending, Node, Scenario
from kit.content.twee import Passage
from kit.i18n import _

HEADER_FIELDS = ("schema_version", "id", "category", "themes", "setting", "role", "customer",
                 "mood_start", "feedback", "breaks", "sources")
CHOICE_FIELDS = ("mood", "skills", "quality", "feedback", "rule", "examples")
ENDING_FIELDS = ("kind", "score", "revisit")
COMMENT = re.compile(r"<!--\s*kit\s*\n(.*?)-->", re.S)
LINK = re.compile(r"\[\[(.*?)\]\]")
NAMESPACE = uuid.UUID("6f1e2b9a-4c1d-5e8f-9a0b-7c3d2e1f4a5b")


class TweeProblem(ValueError):
    """Something a Twine story cannot express, or a story that is not a scenario."""


def dump_yaml(data: Any) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000)


class _Dumper(yaml.SafeDumper):
    pass


def _str(dumper: yaml.SafeDumper, text: str) -> yaml.Node:
    return dumper.represent_scalar("tag:yaml.org,2002:str", text,
                                   style="|" if "\n" in text else None)


def _list(dumper: yaml.SafeDumper, items: list[Any]) -> yaml.Node:
    """Short lists of words (skills, outline items) on one line, like hand-written YAML."""
    short = all(isinstance(i, str) and len(i) <= 12 and "\n" not in i for i in items)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", items,
                                     flow_style=short and len(items) <= 8)


_Dumper.add_representer(str, _str)
_Dumper.add_representer(list, _list)


def _check(text: str, where: str, link: bool = False) -> None:
    bad = ["[[", "]]", "<!--", "-->"] + (["|", "->", "<-", "\n"] if link else [])
    found = [b for b in bad if b in text] + ([_("以 :: 开头的行")] if re.search(r"(?m)^::", text)
                                             else [])
    if found:
        raise TweeProblem(_("{where} 含有 Twine 中有特殊含义的 {found},无法导出为 Twee").format(
            where=where, found=_("、").join(found)))


def _node_text(node: Node) -> str:
    if node.narration:
        _check(node.narration, _("节点 {node} 的旁白").format(node=node.id))
        if "//" in node.narration:
            raise TweeProblem(_("节点 {node} 的旁白含有 //,无法导出为 Twee").format(node=node.id))
    _check(node.customer, _("节点 {node} 的客户台词").format(node=node.id))
    if node.customer.startswith("//"):
        raise TweeProblem(_("节点 {node} 的客户台词以 // 开头,无法导出为 Twee").format(
            node=node.id))
    parts = [f"//{node.narration}//"] if node.narration else []
    links = []
    for i, c in enumerate(node.choices):
        _check(c.text, _("节点 {node} 的第 {number} 个回应").format(node=node.id, number=i + 1),
               link=True)
        links.append(f"[[{c.text}->{c.next}]]")
    meta = [c.model_dump(mode="json", include=set(CHOICE_FIELDS), exclude_defaults=True)
            for c in node.choices]
    return "\n\n".join([*parts, node.customer, "\n".join(links),
                        f"<!-- kit\n{dump_yaml(meta)}-->"])


def _ending_text(end: Ending) -> str:
    _check(end.verdict, _("结局 {ending} 的结论").format(ending=end.id))
    _check(end.debrief, _("结局 {ending} 的讲评").format(ending=end.id))
    meta = end.model_dump(mode="json", include=set(ENDING_FIELDS))
    return f"{end.verdict}\n\n{end.debrief}\n\n<!-- kit\n{dump_yaml(meta)}-->"


def _depths(sc: Scenario) -> dict[str, int]:
    depth, queue = {sc.start: 0}, [sc.start]
    while queue:
        here = queue.pop(0)
        node = sc.node(here)
        for c in node.choices if node else ():
            if c.next not in depth:
                depth[c.next] = depth[here] + 1
                queue.append(c.next)
    return depth


def to_passages(sc: Scenario) -> list[Passage]:
    depth, rows = _depths(sc), dict[int, int]()

    def place(ident: str) -> dict[str, str]:
        col = depth.get(ident, max(depth.values()) + 1)
        rows[col] = rows.get(col, -1) + 1
        return {"position": f"{100 + 200 * col},{100 + 150 * rows[col]}", "size": "100,100"}

    header = sc.model_dump(mode="json", include=set(HEADER_FIELDS), exclude_defaults=True)
    header["schema_version"] = sc.schema_version
    data = {"ifid": str(uuid.uuid5(NAMESPACE, sc.id)).upper(), "start": sc.start}
    return [Passage("StoryTitle", text=sc.title),
            Passage("StoryData", text=json.dumps(data, ensure_ascii=False, indent=2)),
            Passage("KitScenario", ("kit-scenario",), text=dump_yaml(header).rstrip()),
            *(Passage(n.id, ("kit-node",), place(n.id), _node_text(n)) for n in sc.nodes),
            *(Passage(e.id, ("kit-ending",), place(e.id), _ending_text(e)) for e in sc.endings)]
