"""The report's section for a role-play: participation, endings, where the mood broke, the
class's paths (the first levels of the tree) and the class's skill profile. Escaped HTML."""

from __future__ import annotations

from collections.abc import Callable

from kit.content.scenario_models import skill_name
from kit.htmltext import esc
from kit.i18n import _
from kit.logic.roleplay_tree import Branch, ending_label, shorten
from kit.reports.charts import share_bar
from kit.reports.roleplayfigures import RoleplayFigures
from kit.reports.sections import _participation, heading

DEPTH = 4
SHORT = 40
Count = Callable[[object], str]




def _endings(f: RoleplayFigures, count: Count) -> str:
    done = sum(n for _e, n in f.tree.endings) or 1
    rows = "".join(f"<tr><td>{esc(ending_label(f.scenario, e))}</td><td class='n'>{count(n)}</td>"
                   f"<td>{share_bar(n / done)}</td></tr>" for e, n in f.tree.endings)
    if not rows:
        return "<p>" + _("还没有人走到结局。") + "</p>"
    heads = "".join(f"<th>{h}</th>" for h in (_("结局"), _("人数"), _("占比")))
    return ("<h3>" + _("结局分布") + f"</h3><table><thead><tr>{heads}</tr></thead>"
            f"<tbody>{rows}</tbody></table>")


def _breaks(f: RoleplayFigures, count: Count) -> str:
    items = []
    for bp in f.tree.breaks:
        node = f.scenario.node(bp.node)
        reply = node.choices[bp.choice].text if node else bp.node
        after = _("回应「{reply}」之后：{ending}").format(
            reply=esc(shorten(reply, SHORT)), ending=esc(ending_label(f.scenario, bp.ending)))
        items.append(f"<li>{after} ×{count(bp.count)}</li>")
    return "<h3>" + _("情绪在哪里失控") + f"</h3><ul>{''.join(items)}</ul>" if items else ""


def _branch(f: RoleplayFigures, b: Branch, count: Count, depth: int) -> str:
    ended = "".join(f"；→ {esc(shorten(ending_label(f.scenario, e), SHORT))} ×{n}"
                    for e, n in b.endings.items())
    broke = _("（情绪失控 {n}）").format(n=b.broke) if b.broke else ""
    below = "" if depth >= DEPTH else "".join(_branch(f, c, count, depth + 1)
                                               for c in b.children)
    more = "<li>……</li>" if depth >= DEPTH and b.children else ""
    mood = _("情绪 {mood}").format(mood=f"{b.mood:.0f}")
    return (f"<li><b>{count(b.count)}</b> {esc(shorten(b.text, SHORT))} <small>{mood}"
            f"{ended}{broke}</small>{f'<ul>{below}{more}</ul>' if below or more else ''}</li>")


def _skills(f: RoleplayFigures) -> str:
    untouched = _("未涉及")
    rows = "".join(f"<tr><td>{esc(skill_name(skill))}</td><td>"
                   f"{share_bar(v / 100) if v is not None else untouched}</td></tr>"
                   for skill, v in f.skills.items())
    breaches = _("违规回应（合规）共 {n} 次。").format(n=f"<b>{f.breaches}</b>")
    heads = "".join(f"<th>{h}</th>" for h in (_("技能"), _("得分")))
    return ("<h3>" + _("技能画像（全班平均）") + f"</h3><table><thead><tr>{heads}</tr></thead>"
            f"<tbody>{rows}</tbody></table><p class='facts'>{breaches}</p>")


def _facts(f: RoleplayFigures) -> str:
    s = f.best_scores
    plays = _("情景「{title}」；共 {n} 次演练（含重来）；").format(title=esc(f.scenario.title),
                                                              n=f.attempts)
    if not s:
        best = _("尚无完成的演练。")
    else:
        best = (_("每组最好成绩：最高 {top}、最低 {low}、中位 {mid} 分。") if f.groups else
                _("每人最好成绩：最高 {top}、最低 {low}、中位 {mid} 分。")).format(
            top=max(s), low=min(s), mid=sorted(s)[len(s) // 2])
    return f"<p class='facts'>{plays}{best}</p>"


def roleplay_section(f: RoleplayFigures, number: int, joined: int) -> str:
    unit = _("{n} 组") if f.groups else _("{n} 人")

    def count(n: object) -> str:
        return unit.format(n=n)

    tree = "".join(_branch(f, b, count, 1) for b in f.tree.branches)
    paths = _("全班的路径（每组最近一次）") if f.groups else _("全班的路径（每人最近一次）")
    return (f"<section class='activity'>{heading(f.activity, number)}"
            + _participation(joined, f.took_part, f.completed) + _facts(f)
            + _endings(f, count) + _breaks(f, count)
            + (f"<h3>{paths}</h3><ul class='paths'>{tree}</ul>" if tree else "")
            + _skills(f) + "</section>")
