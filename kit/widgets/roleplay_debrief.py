"""The debrief: the ending, how the score was made, the trainee's path beside the best path,
and the skill profile (one score per skill, not only one number)."""

from __future__ import annotations

from collections.abc import Mapping

from kit.content.scenario_models import ENDING_NAMES, Scenario
from kit.htmltext import esc
from kit.content.scenario_rules import choice_at, points
from kit.logic.roleplay_play import Attempt, PlayState, Step
from kit.logic.roleplay_profile import Profile
from kit.widgets.roleplay_html import MARKS, note_html


def ending_html(sc: Scenario, a: Attempt) -> str:
    end = sc.ending(a.ending or "")
    if end is None:
        return "<p>这一轮没有走到结局。</p>"
    forced = (f"<p>客户情绪达到 {a.mood_trace[-1]}，演练提前结束。</p>" if a.forced else "")
    made = "、".join(f"{MARKS[q]} ×{n}" for q, n in _counts(sc, a.steps).items() if n)
    total = sum(points(choice_at(sc, s.node, s.choice)) for s in a.steps)
    return (f"<h3>结局：{esc(ENDING_NAMES[end.kind])} · {esc(end.verdict)}</h3>{forced}"
            f"<p class='kit-big'>得分 {a.score} / 100</p><small>结局 {end.score} 分，"
            f"回应 {made or '无'} 共 {total:+d} 分（佳 +5，可 0，欠妥 −5，违规 −15）。</small>"
            f"<p>{esc(end.debrief)}</p>")


def _counts(sc: Scenario, steps: tuple[Step, ...]) -> dict[str, int]:
    out = {"good": 0, "fair": 0, "poor": 0}
    for s in steps:
        out[choice_at(sc, s.node, s.choice).quality] += 1
    return out


def _cell(sc: Scenario, step: Step | None) -> str:
    if step is None:
        return "<td>—</td>"
    c = choice_at(sc, step.node, step.choice)
    flag = " ⚠ 违规" if "合规" in c.skills else ""
    return f"<td>{esc(c.text)}<br><small>{MARKS[c.quality]}{flag}</small></td>"


def paths_html(sc: Scenario, mine: Attempt, best: PlayState, best_score: int | None) -> str:
    rows, n = [], max(len(mine.steps), len(best.steps))
    for i in range(n):
        a = mine.steps[i] if i < len(mine.steps) else None
        b = best.steps[i] if i < len(best.steps) else None
        same = a is not None and b is not None and (a.node, a.choice) == (b.node, b.choice)
        rows.append(f"<tr><td>{i + 1}</td>{_cell(sc, a)}"
                    f"{'<td>（相同）</td>' if same else _cell(sc, b)}</tr>")
    return (f"<h4>你的路径与参考路径</h4><table><tr><th>步</th><th>你的回应</th>"
            f"<th>参考路径（最高 {best_score} 分）</th></tr>{''.join(rows)}</table>")


def profile_html(profile: Profile) -> str:
    rows = []
    for s in profile.skills:
        text = f"{s.score} 分（{s.replies} 次）" if s.score is not None else "未涉及"
        bar = (f"<div class='kit-rp-track' style='width:120px'><div class='kit-rp-fill' "
               f"style='width:{s.score}%'></div></div>" if s.score is not None else "")
        rows.append(f"<tr><td>{esc(s.skill)}</td><td>{bar}</td><td>{text}</td></tr>")
    breach = f"违规 {profile.breaches} 次" if profile.breaches else "未违规"
    rows.append(f"<tr><td>合规</td><td></td><td><b>{breach}</b></td></tr>")
    return f"<h4>技能画像</h4><table>{''.join(rows)}</table>"


def notes_html(sc: Scenario, a: Attempt) -> str:
    items = "".join(f"<li>{esc(choice_at(sc, s.node, s.choice).text)}"
                    f"{note_html(choice_at(sc, s.node, s.choice))}</li>" for s in a.steps)
    return f"<h4>逐条点评</h4><ol>{items}</ol>"


def revisit_html(sc: Scenario, a: Attempt, titles: Mapping[str, str]) -> str:
    end = sc.ending(a.ending or "")
    items = "".join(f"<li>{esc(i)} {esc(titles.get(i, ''))}</li>" for i in (end.revisit if end
                                                                          else ()))
    return f"<h4>建议回看</h4><ul>{items}</ul>" if items else ""


def history_html(attempts: tuple[Attempt, ...]) -> str:
    if len(attempts) < 2:
        return ""
    items = "".join(f"<li>第 {a.number} 次：" + (f"{a.score} 分" if a.score is not None else
                                                "中途重来") + "</li>" for a in attempts)
    return f"<h4>每一次演练</h4><ul>{items}</ul>"
