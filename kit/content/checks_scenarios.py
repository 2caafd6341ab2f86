"""Graph checks for role-play scenarios: targets exist, every node is reachable, every path
ends, no loop goes on forever, the mood stays within 0–100 on every path."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kit.content.checks import Path_, Report, duplicates
from kit.content.extra_models import OutlineFile
from kit.content.problems import Problem
from kit.content.rubric_models import ModuleFile
from kit.content.scenario_models import MOOD_MAX, MOOD_MIN, Scenario
from kit.content.scenario_paths import Fault, explore
from kit.i18n import _


def check_scenarios(report: Report) -> None:
    found = report.parsed.of("scenarios", Scenario)
    duplicates(report, ((s.id, (f, loc), ("id",)) for f, s, loc in found), _("情景 id "))
    outline = {e.id for _, of, _ in report.parsed.of("outline", OutlineFile)
               for m in of.modules for e in m.items}
    _activities(report, {s.id for _, s, _ in found})
    for f, sc, loc in found:
        before = len(report.problems)
        _structure(report, sc, (f, loc))
        if outline and "outline" not in report.parsed.failed:
            _revisit(report, sc, (f, loc), outline)
        if len(report.problems) == before:  # the graph is only explored when it is whole
            _graph(report, sc, (f, loc))


def _ids(sc: Scenario) -> dict[str, Path_]:
    return {**{n.id: ("nodes", i, "id") for i, n in enumerate(sc.nodes)},
            **{e.id: ("endings", i, "id") for i, e in enumerate(sc.endings)}}


def _structure(report: Report, sc: Scenario, where: tuple[str, Any]) -> None:
    entries = [(n.id, where, ("nodes", i, "id")) for i, n in enumerate(sc.nodes)]
    entries += [(e.id, where, ("endings", i, "id")) for i, e in enumerate(sc.endings)]
    duplicates(report, entries, _("节点或结局 id "))
    ids, endings = _ids(sc), {e.id for e in sc.endings}
    if sc.node(sc.start) is None:
        report.add(where, ("start",), _("起始节点 {node} 不存在").format(node=repr(sc.start)) +
                   (_("(它是结局)") if sc.start in endings else ""))
    for i, node in enumerate(sc.nodes):
        for j, choice in enumerate(node.choices):
            if choice.next not in ids:
                report.add(where, ("nodes", i, "choices", j, "next"),
                           _("跳转目标 {target} 不存在(既不是节点也不是结局)").format(
                               target=repr(choice.next)))
    _breaks(report, sc, where, endings)


def _breaks(report: Report, sc: Scenario, where: tuple[str, Any], endings: set[str]) -> None:
    duplicates(report, ((str(b.at), where, ("breaks", i, "at"))
                        for i, b in enumerate(sc.breaks)), _("情绪阈值"))
    for i, brk in enumerate(sc.breaks):
        if brk.ending not in endings:
            report.add(where, ("breaks", i, "ending"),
                       _("强制结局 {ending} 不存在").format(ending=repr(brk.ending)))
        if sc.mood_start >= brk.at:
            report.add(where, ("breaks", i, "at"),
                       _("起始情绪 {mood} 已达到阈值 {at},第一句回应后必然结束").format(
                           mood=sc.mood_start, at=brk.at))


def _revisit(report: Report, sc: Scenario, where: tuple[str, Any], outline: set[str]) -> None:
    for i, end in enumerate(sc.endings):
        for k, item in enumerate(end.revisit):
            if item not in outline:
                report.add(where, ("endings", i, "revisit", k),
                           _("大纲条目 {item} 不存在").format(item=repr(item)))


def _choice_path(sc: Scenario, fault: Fault, key: str) -> Path_:
    i = next(i for i, n in enumerate(sc.nodes) if n.id == fault.node)
    return ("nodes", i, "choices", fault.choice, key)


def _graph(report: Report, sc: Scenario, where: tuple[str, Any]) -> None:
    graph = explore(sc)
    for fault in graph.out_of_range:
        report.add(where, _choice_path(sc, fault, "mood"),
                   _("情绪越界:在节点 {node} 情绪为 {mood} 时,此回应使情绪变为 "
                     "{after}(应在 {low}–{high} 之间;超过 {high} "
                     "只允许发生在触发强制结局时)").format(
                       node=repr(fault.node), mood=fault.mood, after=fault.after,
                       low=MOOD_MIN, high=MOOD_MAX))
    for fault in graph.loops:
        target = sc.node(fault.node).choices[fault.choice].next  # type: ignore[union-attr]
        report.add(where, _choice_path(sc, fault, "next"),
                   _("无尽循环:此回应回到节点 {node} 时情绪仍为 {mood},与上次到达时"
                     "相同,演练可以永远进行下去(循环中的回应须让情绪升高,直至触发强制结局)"
                     ).format(node=repr(target), mood=fault.after))
    for ident, path in _ids(sc).items():
        if ident not in graph.reached:
            text = _("节点 {ident} 无法到达:任何路径都不会经过它") if path[0] == "nodes" \
                else _("结局 {ident} 无法到达:任何路径都不会经过它")
            report.add(where, path, text.format(ident=repr(ident)))


def _activities(report: Report, scenarios: set[str]) -> None:
    if "scenarios" in report.parsed.failed:
        return  # a scenario file that did not load would make every reference look dangling
    for f, mf, loc in report.parsed.of("modules", ModuleFile):
        for i, module in enumerate(mf.modules):
            for j, act in enumerate(module.activities):
                if act.kind == "roleplay" and act.scenario not in scenarios:
                    report.add((f, loc), ("modules", i, "activities", j, "scenario"),
                               _("引用的情景 {scenario} 不存在").format(
                                   scenario=repr(act.scenario)))


def check_file(path: Path) -> tuple[Scenario | None, list[Problem]]:
    """One scenario file on its own (model and graph checks; outline links are not checked)."""
    from kit.content.loader import Parsed, parse_file

    root = path.parent
    model, problems, loc = parse_file(root, path, Scenario)
    if not isinstance(model, Scenario):
        return None, problems
    parsed = Parsed(root)
    parsed.models["scenarios"] = [(path.name, model, loc)]
    report = Report(parsed)
    check_scenarios(report)
    return (model if not report.problems else None), sorted(report.problems)
