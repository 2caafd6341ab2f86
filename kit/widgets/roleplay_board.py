"""The class's role-play paths, for the console, the projector and the module cell.

A tree of the replies the class gave, with counts per branch and the mean mood after each, the
endings reached right after a reply, where the mood broke (forced endings), and the most
common endings. Always anonymous: the attempts carry no names. Groups count as one each.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import ipywidgets as W

from kit.content import Course
from kit.content.scenario_models import Scenario
from kit.htmltext import esc
from kit.i18n import _
from kit.logic.phases import Phase
from kit.logic.roleplay_play import Attempt
from kit.logic.roleplay_tree import Branch, PathTree, aggregate, ending_label, shorten
from kit.state.console import Board
from kit.widgets._base import View

SHORT = 36
Count = Callable[[object], str]
"""How many trainees (or groups): ``3 人``."""
STYLE = """<style>
.kit-rp-tree ul { list-style: none; margin: 0; padding-left: 1.2em;
  border-left: 2px solid #d0d5dd; }
.kit-rp-tree > ul { border-left: none; padding-left: 0; }
.kit-rp-tree li { margin: 6px 0; }
.kit-rp-branch { display: flex; flex-wrap: wrap; gap: 6px; align-items: baseline; }
.kit-rp-count { font-weight: bold; min-width: 3.5em; }
.kit-rp-end { color: #344054; }
.kit-rp-broke { color: #93370d; font-weight: bold; }
</style>"""


def _people(n: object) -> str:
    return _("{n} 人").format(n=n)


def _groups(n: object) -> str:
    return _("{n} 组").format(n=n)




def _branch(sc: Scenario, b: Branch, count: Count) -> str:
    ended = "".join(f"<span class='kit-rp-end'>→ {esc(shorten(ending_label(sc, e), SHORT))}"
                    f" ×{n}</span>" for e, n in sorted(b.endings.items(), key=lambda kv: -kv[1]))
    lost, mood = _("情绪失控"), _("情绪")
    broke = f"<span class='kit-rp-broke'>⚠ {lost} ×{b.broke}</span>" if b.broke else ""
    children = "".join(_branch(sc, c, count) for c in b.children)
    return (f"<li><div class='kit-rp-branch'><span class='kit-rp-count'>{count(b.count)}</span>"
            f"<span>{esc(shorten(b.text, SHORT))}</span><small>{mood} {b.mood:.0f}</small>"
            f"{ended}{broke}</div>{f'<ul>{children}</ul>' if children else ''}</li>")


def _endings(sc: Scenario, tree: PathTree, count: Count) -> str:
    done = sum(n for _e, n in tree.endings)
    rows = []
    for ending_id, n in tree.endings[:5]:
        share = n / done if done else 0.0
        value = _("{share}（{count}）").format(share=f"{share:.0%}", count=count(n))
        rows.append(f"<div class='kit-bar'><div class='kit-bar-label'>"
                    f"{esc(ending_label(sc, ending_id))}</div><div class='kit-bar-track'><span "
                    f"style='width:{round(100 * share)}%'></span></div><div class='kit-bar-value'>"
                    f"{value}</div></div>")
    return "".join(rows) or "<div class='kit-quiet'>" + _("还没有人走到结局。") + "</div>"


def _breaks(sc: Scenario, tree: PathTree, count: Count) -> str:
    items = []
    for bp in tree.breaks[:3]:
        node = sc.node(bp.node)
        reply = node.choices[bp.choice].text if node else ""
        after = _("回应「{reply}」之后：{ending}").format(reply=esc(shorten(reply, SHORT)),
                                                       ending=esc(ending_label(sc, bp.ending)))
        items.append(f"<li>{after} ×{count(bp.count)}</li>")
    where = _("情绪在哪里失控")
    return f"<h4>{where}</h4><ul>{''.join(items)}</ul>" if items else ""


def board_html(sc: Scenario, plays: Sequence[Attempt], groups: bool = False,
               people: int = 0) -> str:
    """The path tree of ``plays`` (attempts, one per trainee or group) as HTML."""
    tree = aggregate(sc, plays)
    count = _groups if groups else _people
    of = f" / {people}" if people and not groups else ""
    counts = _("已演练 {played} · 走到结局 {ended}").format(
        played=count(f"<b>{tree.attempts}</b>{of}"),
        ended=count(f"<b>{tree.attempts - tree.unfinished}</b>"))
    head = f"<div class='kit-summary'>{counts}</div>"
    branches = "".join(_branch(sc, b, count) for b in tree.branches)
    paths, common = _("全班的路径"), _("最常见的结局")
    tree_html = (f"<div class='kit-rp-tree' role='tree' aria-label='{esc(paths)}'>"
                 f"<ul>{branches}</ul></div>") if branches else _("还没有人作出回应。")
    return (f"{STYLE}<div class='kit-card kit-rp-board'>{head}<h4>{common}</h4>"
            f"{_endings(sc, tree, count)}{_breaks(sc, tree, count)}<h4>{paths}</h4>"
            f"{tree_html}</div>")


class RoleplayBoardView(View):
    """The console's (and the module cell's) view of one role-play's class paths."""

    def __init__(self, course: Course, activity_id: str) -> None:
        act = course.activity(activity_id)
        self.activity_id = activity_id
        self.scenario = course.scenarios[act.scenario]  # type: ignore[union-attr]
        self.body = W.HTML()
        super().__init__([W.HTML(f"<h3>{esc(act.title)}</h3>"), self.body])
        self.render(Board(activity_id, Phase.WAITING))

    def render(self, board: Board, people: int = 0) -> None:
        value = board_html(self.scenario, board.plays, board.groups, people)
        if self.body.value != value:
            self.body.value = value
