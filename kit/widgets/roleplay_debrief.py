"""The debrief: the ending, how the score was made, the trainee's path beside the best path,
and the skill profile (one score per skill, not only one number)."""

from __future__ import annotations

from collections.abc import Mapping

from kit.content.scenario_models import BREACH, ENDING_NAMES, Scenario, skill_name
from kit.content.scenario_rules import choice_at, points
from kit.htmltext import esc
from kit.i18n import _
from kit.logic.roleplay_play import Attempt, PlayState, Step
from kit.logic.roleplay_profile import Profile
from kit.widgets.roleplay_html import MARKS, note_html


def ending_html(sc: Scenario, a: Attempt) -> str:
    end = sc.ending(a.ending or "")
    if end is None:
        return "<p>" + _("这一轮没有走到结局。") + "</p>"
    forced = ("<p>" + _("客户情绪达到 {mood}，演练提前结束。").format(mood=a.mood_trace[-1])
              + "</p>" if a.forced else "")
    made = _("、").join(f"{_(MARKS[q])} ×{n}" for q, n in _counts(sc, a.steps).items() if n)
    total = sum(points(choice_at(sc, s.node, s.choice)) for s in a.steps)
    title = _("结局：{name} · {verdict}").format(name=esc(_(ENDING_NAMES[end.kind])),
                                                 verdict=esc(end.verdict))
    how = _("结局 {ending} 分，回应 {made} 共 {total} 分（佳 +5，可 0，欠妥 −5，违规 −15）。")
    how = how.format(ending=end.score, made=made or _("无"), total=f"{total:+d}")
    return (f"<h3>{title}</h3>{forced}"
            "<p class='kit-big'>" + _("得分 {score} / 100").format(score=a.score) + "</p>"
            f"<small>{how}</small><p>{esc(end.debrief)}</p>")


def _counts(sc: Scenario, steps: tuple[Step, ...]) -> dict[str, int]:
    out = {"good": 0, "fair": 0, "poor": 0}
    for s in steps:
        out[choice_at(sc, s.node, s.choice).quality] += 1
    return out


def _cell(sc: Scenario, step: Step | None) -> str:
    if step is None:
        return "<td>—</td>"
    c = choice_at(sc, step.node, step.choice)
    flag = " " + _("⚠ 违规") if BREACH in c.skills else ""
    return f"<td>{esc(c.text)}<br><small>{_(MARKS[c.quality])}{flag}</small></td>"


def paths_html(sc: Scenario, mine: Attempt, best: PlayState, best_score: int | None) -> str:
    rows, n, alike = [], max(len(mine.steps), len(best.steps)), _("（相同）")
    for i in range(n):
        a = mine.steps[i] if i < len(mine.steps) else None
        b = best.steps[i] if i < len(best.steps) else None
        same = a is not None and b is not None and (a.node, a.choice) == (b.node, b.choice)
        rows.append(f"<tr><td>{i + 1}</td>{_cell(sc, a)}"
                    f"{f'<td>{alike}</td>' if same else _cell(sc, b)}</tr>")
    heads = "".join(f"<th>{h}</th>" for h in (
        _("步"), _("你的回应"), _("参考路径（最高 {score} 分）").format(score=best_score)))
    return ("<h4>" + _("你的路径与参考路径") + f"</h4><table><tr>{heads}</tr>"
            f"{''.join(rows)}</table>")


def profile_html(profile: Profile) -> str:
    rows = []
    for s in profile.skills:
        text = (_("{score} 分（{n} 次）").format(score=s.score, n=s.replies)
                if s.score is not None else _("未涉及"))
        bar = (f"<div class='kit-rp-track' style='width:120px'><div class='kit-rp-fill' "
               f"style='width:{s.score}%'></div></div>" if s.score is not None else "")
        rows.append(f"<tr><td>{esc(skill_name(s.skill))}</td><td>{bar}</td><td>{text}</td></tr>")
    breach = (_("违规 {n} 次").format(n=profile.breaches) if profile.breaches else
              _("未违规"))
    rows.append(f"<tr><td>{skill_name(BREACH)}</td><td></td><td><b>{breach}</b></td></tr>")
    return "<h4>" + _("技能画像") + f"</h4><table>{''.join(rows)}</table>"


def notes_html(sc: Scenario, a: Attempt) -> str:
    items = "".join(f"<li>{esc(choice_at(sc, s.node, s.choice).text)}"
                    f"{note_html(choice_at(sc, s.node, s.choice))}</li>" for s in a.steps)
    return "<h4>" + _("逐条点评") + f"</h4><ol>{items}</ol>"


def revisit_html(sc: Scenario, a: Attempt, titles: Mapping[str, str]) -> str:
    end = sc.ending(a.ending or "")
    items = "".join(f"<li>{esc(i)} {esc(titles.get(i, ''))}</li>" for i in (end.revisit if end
                                                                          else ()))
    return "<h4>" + _("建议回看") + f"</h4><ul>{items}</ul>" if items else ""


def history_html(attempts: tuple[Attempt, ...]) -> str:
    if len(attempts) < 2:
        return ""
    items = "".join("<li>" + (_("第 {n} 次：{score} 分").format(n=a.number, score=a.score)
                              if a.score is not None else
                              _("第 {n} 次：中途重来").format(n=a.number)) + "</li>"
                    for a in attempts)
    return "<h4>" + _("每一次演练") + f"</h4><ul>{items}</ul>"
