"""The report's section for a role-play: participation, endings, where the mood broke, the
class's paths (the first levels of the tree) and the class's skill profile. Escaped HTML."""

from __future__ import annotations

from kit.content.scenario_models import ENDING_NAMES, Scenario
from kit.htmltext import esc
from kit.logic.roleplay_tree import Branch
from kit.reports.charts import share_bar
from kit.reports.roleplayfigures import RoleplayFigures
from kit.reports.sections import _participation, heading

DEPTH = 4
SHORT = 40


def _short(text: str) -> str:
    return text if len(text) <= SHORT else text[:SHORT - 1] + "…"


def _ending(sc: Scenario, ending_id: str) -> str:
    end = sc.ending(ending_id)
    return f"{ENDING_NAMES[end.kind]}：{end.verdict}" if end else ending_id


def _endings(f: RoleplayFigures, unit: str) -> str:
    done = sum(n for _e, n in f.tree.endings) or 1
    rows = "".join(f"<tr><td>{esc(_ending(f.scenario, e))}</td><td class='n'>{n} {unit}</td>"
                   f"<td>{share_bar(n / done)}</td></tr>" for e, n in f.tree.endings)
    return ("<h3>结局分布</h3><table><thead><tr><th>结局</th><th>人数</th><th>占比</th></tr>"
            f"</thead><tbody>{rows}</tbody></table>") if rows else "<p>还没有人走到结局。</p>"


def _breaks(f: RoleplayFigures, unit: str) -> str:
    items = []
    for bp in f.tree.breaks:
        node = f.scenario.node(bp.node)
        reply = node.choices[bp.choice].text if node else bp.node
        items.append(f"<li>回应「{esc(_short(reply))}」之后：{esc(_ending(f.scenario, bp.ending))}"
                     f" ×{bp.count} {unit}</li>")
    return f"<h3>情绪在哪里失控</h3><ul>{''.join(items)}</ul>" if items else ""


def _branch(f: RoleplayFigures, b: Branch, unit: str, depth: int) -> str:
    ended = "".join(f"；→ {esc(_short(_ending(f.scenario, e)))} ×{n}"
                    for e, n in b.endings.items())
    broke = f"（情绪失控 {b.broke}）" if b.broke else ""
    below = "" if depth >= DEPTH else "".join(_branch(f, c, unit, depth + 1)
                                               for c in b.children)
    more = "<li>……</li>" if depth >= DEPTH and b.children else ""
    return (f"<li><b>{b.count} {unit}</b> {esc(_short(b.text))} <small>情绪 {b.mood:.0f}"
            f"{ended}{broke}</small>{f'<ul>{below}{more}</ul>' if below or more else ''}</li>")


def _skills(f: RoleplayFigures) -> str:
    rows = "".join(f"<tr><td>{esc(skill)}</td><td>"
                   f"{share_bar(v / 100) if v is not None else '未涉及'}</td></tr>"
                   for skill, v in f.skills.items())
    return ("<h3>技能画像（全班平均）</h3><table><thead><tr><th>技能</th><th>得分</th></tr>"
            f"</thead><tbody>{rows}</tbody></table><p class='facts'>违规回应（合规）"
            f"共 <b>{f.breaches}</b> 次。</p>")


def roleplay_section(f: RoleplayFigures, number: int, joined: int) -> str:
    unit = "组" if f.groups else "人"
    scores = f.best_scores
    facts = (f"<p class='facts'>情景「{esc(f.scenario.title)}」；共 {f.attempts} 次演练（含重来）；"
             + (f"每{unit}最好成绩：最高 {max(scores)}、最低 {min(scores)}、"
                f"中位 {sorted(scores)[len(scores) // 2]} 分。" if scores else "尚无完成的演练。")
             + "</p>")
    tree = "".join(_branch(f, b, unit, 1) for b in f.tree.branches)
    return (f"<section class='activity'>{heading(f.activity, number)}"
            + _participation(joined, f.took_part, f.completed) + facts + _endings(f, unit)
            + _breaks(f, unit)
            + (f"<h3>全班的路径（每{unit}最近一次）</h3><ul class='paths'>{tree}</ul>"
               if tree else "") + _skills(f) + "</section>")
