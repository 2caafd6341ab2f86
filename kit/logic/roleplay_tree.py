"""Many attempts at one scenario, aggregated for the projector and reports.

The class's paths form a tree: the root is the start, each branch one reply, keyed by the
replies before it (two routes to the same node stay two branches, as the class walked them).
Each branch counts the attempts that took it, the endings reached right after it, and how
many of those endings the mood forced (where the mood broke). Attempts are anonymous.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass

from kit.content.scenario_models import ENDING_NAMES, Scenario
from kit.content.scenario_rules import choice_at
from kit.i18n import _
from kit.logic.roleplay_play import Attempt


@dataclass(frozen=True)
class Branch:
    node: str
    """The node where the reply was given."""
    choice: int
    text: str
    count: int
    endings: Mapping[str, int]
    """Attempts that ended right after this reply, by ending id."""
    broke: int
    """Of those, how many the mood forced."""
    mood: float
    """Mean mood after this reply."""
    children: tuple[Branch, ...]


@dataclass(frozen=True)
class BreakPoint:
    node: str
    choice: int
    ending: str
    count: int


@dataclass(frozen=True)
class PathTree:
    scenario_id: str
    attempts: int
    unfinished: int
    branches: tuple[Branch, ...]
    endings: tuple[tuple[str, int], ...]
    """Ending ids with their counts, most common first."""
    breaks: tuple[BreakPoint, ...]
    """Where the mood forced an ending, most common first."""


def _branches(scenario: Scenario, attempts: list[Attempt], depth: int) -> tuple[Branch, ...]:
    groups: dict[int, list[Attempt]] = {}
    for a in attempts:
        if len(a.steps) > depth:
            groups.setdefault(a.steps[depth].choice, []).append(a)
    out = []
    for choice, group in sorted(groups.items()):
        node = group[0].steps[depth].node
        ended = [a for a in group if len(a.steps) == depth + 1 and a.ending]
        text = choice_at(scenario, node, choice).text
        out.append(Branch(node, choice, text, len(group),
                          dict(Counter(a.ending for a in ended if a.ending)),
                          sum(a.forced for a in ended),
                          sum(a.steps[depth].mood_after for a in group) / len(group),
                          _branches(scenario, group, depth + 1)))
    return tuple(sorted(out, key=lambda b: (-b.count, b.choice)))


def aggregate(scenario: Scenario, attempts: Iterable[Attempt]) -> PathTree:
    mine = [a for a in attempts if a.scenario_id == scenario.id]
    endings = Counter(a.ending for a in mine if a.ending)
    breaks = Counter((a.steps[-1].node, a.steps[-1].choice, a.ending)
                     for a in mine if a.forced and a.ending and a.steps)
    return PathTree(
        scenario.id, len(mine), sum(1 for a in mine if not a.ending),
        _branches(scenario, mine, 0),
        tuple(sorted(endings.items(), key=lambda kv: (-kv[1], kv[0]))),
        tuple(BreakPoint(n, c, e, k) for (n, c, e), k in
              sorted(breaks.items(), key=lambda kv: (-kv[1], kv[0]))))


def latest_each(plays: Iterable[tuple[Hashable, Attempt]]) -> tuple[Attempt, ...]:
    """Each player's (or group's) latest attempt with a reply, from attempts oldest first:
    the class's paths as they stand, one per player, however often each started again."""
    last: dict[Hashable, Attempt] = {}
    for owner, attempt in plays:
        if attempt.steps:
            last[owner] = attempt
    return tuple(last.values())


def ending_label(sc: Scenario, ending_id: str) -> str:
    """``结局类型：结论`` in the page's language (the id itself if the scenario lost it)."""
    end = sc.ending(ending_id)
    return (_("{name}：{verdict}").format(name=_(ENDING_NAMES[end.kind]), verdict=end.verdict)
            if end else ending_id)


def shorten(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters, the cut marked with an ellipsis."""
    return text if len(text) <= limit else text[:limit - 1] + "…"
