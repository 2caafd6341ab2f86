"""HTML for the role-play view: the conversation, the mood gauge and the feedback cards.

Pure functions of the scenario and the play, so that they are tested without widgets. Every
text is escaped; meaning never rests on colour alone (the gauge says its value and a word, a
reply's quality is written out).
"""

from __future__ import annotations

from kit.content.scenario_models import BREACH, Choice, Scenario
from kit.content.scenario_rules import choice_at, mood_word
from kit.htmltext import esc
from kit.i18n import N_, _
from kit.logic.matcher import Match
from kit.logic.roleplay_play import PlayState, Step
from kit.state.roleplay import RoleplayState

STYLE = """<style>
.kit-rp { max-width: 760px; }
.kit-rp .kit-rp-msg { margin: 6px 0; display: flex; }
.kit-rp .kit-rp-msg > div { padding: 8px 12px; border-radius: 12px; max-width: 85%;
  line-height: 1.5; overflow-wrap: anywhere; }
.kit-rp .kit-rp-them > div { background: #f2f4f7; color: #101828; }
.kit-rp .kit-rp-me { justify-content: flex-end; }
.kit-rp .kit-rp-me > div { background: #d1e9ff; color: #102a56; }
.kit-rp .kit-rp-scene { color: #475467; font-style: italic; margin: 8px 0; }
.kit-rp .kit-rp-note { border-left: 4px solid #98a2b3; background: #f9fafb; color: #101828;
  padding: 6px 12px; margin: 4px 0 10px; }
.kit-rp .kit-rp-note.kit-rp-breach { border-left-color: #b54708; background: #fffaeb; }
.kit-rp .kit-rp-track { position: relative; height: 14px; background: #eaecf0;
  border-radius: 7px; margin: 4px 0; }
.kit-rp .kit-rp-fill { height: 14px; border-radius: 7px; background: #667085; }
.kit-rp .kit-rp-tick { position: absolute; top: -3px; width: 2px; height: 20px;
  background: #344054; }
.kit-rp .widget-button.kit-rp-reply, .kit-rp .jupyter-button.kit-rp-reply {
  white-space: normal !important; height: auto !important; min-height: 44px;
  text-align: left; line-height: 1.45; padding: 8px 12px; overflow: visible !important;
  text-overflow: clip !important; width: 100%; }
.kit-rp .jupyter-button.kit-rp-action { min-height: 44px; height: auto !important; }
.kit-rp table { border-collapse: collapse; } .kit-rp td, .kit-rp th { padding: 4px 8px;
  border-bottom: 1px solid #eaecf0; text-align: left; vertical-align: top; }
</style>"""
MARKS = {"good": N_("✔ 佳"), "fair": N_("● 可"), "poor": N_("✘ 欠妥")}
"""Shown with ``_()``: ``_(MARKS[quality])``."""
MOOD_WORDS = (N_("激动"), N_("生气"), N_("不满"), N_("缓和"), N_("平静"))
"""The words of :data:`kit.content.scenario_rules.MOOD_WORDS`, for the catalogue (the gauge
shows ``_(mood_word(mood))``); once that module marks them itself, this can go."""


def intro_html(sc: Scenario) -> str:
    mode = (_("每次回应后立即点评。") if sc.feedback == "immediate" else
            _("点评在演练结束后统一给出。"))
    who = _("客户：{who}").format(who=esc(sc.customer))
    how = _("可以点选一个回应，也可以用自己的话回答。")
    return (f"<div class='kit-card'><h3>{esc(sc.title)}</h3><p>{esc(sc.setting)}</p>"
            f"<p><b>{esc(sc.role)}</b><br>{who}</p><small>{mode}{how}</small></div>")


def gauge_html(sc: Scenario, mood: int, change: int | None = None) -> str:
    moved = ("" if change is None else _("（不变）") if change == 0 else
             _("（上升 {n}）").format(n=change) if change > 0 else
             _("（平复 {n}）").format(n=-change))
    ticks = "".join(f"<div class='kit-rp-tick' style='left:{b.at}%' title='{b.at}'></div>"
                    for b in sc.breaks)
    limits = "".join(_("；达到 {at} 时演练结束").format(at=b.at)
                     for b in sorted(sc.breaks, key=lambda b: b.at))
    label = _("客户情绪")
    scale = _("0 平静 … 100 激动")
    return (f"<div class='kit-rp-gauge' role='meter' aria-label='{esc(label)}' aria-valuemin='0' "
            f"aria-valuemax='100' aria-valuenow='{mood}'>{label} <b>{mood}</b>/100 · "
            f"<b>{_(mood_word(mood))}</b>{moved}<div class='kit-rp-track'>{ticks}"
            f"<div class='kit-rp-fill' style='width:{mood}%'></div></div>"
            f"<small>{scale}{limits}</small></div>")


def note_html(choice: Choice) -> str:
    breach = BREACH in choice.skills
    head = _("⚠ 违规回应") if breach else _(MARKS[choice.quality])
    rule = ("<br><small>" + _("依据：{rule}").format(rule=esc(choice.rule)) + "</small>"
            if choice.rule else "")
    css = "kit-rp-note kit-rp-breach" if breach else "kit-rp-note"
    return f"<div class='{css}'><b>{head}</b> {esc(choice.feedback)}{rule}</div>"


def _line(sc: Scenario, node_id: str) -> str:
    node = sc.node(node_id)
    if node is None:
        return ""
    scene = f"<div class='kit-rp-scene'>{esc(node.narration)}</div>" if node.narration else ""
    who = _("{who}：{line}").format(who="<b>" + _("客户") + "</b>", line=esc(node.customer))
    return f"{scene}<div class='kit-rp-msg kit-rp-them'><div>{who}</div></div>"


def _reply(sc: Scenario, step: Step, notes: bool) -> str:
    choice = choice_at(sc, step.node, step.choice)
    nearest = _("按最接近的回应处理：{text}").format(text=esc(choice.text))
    said = esc(step.said) + (f"<br><small>{nearest}</small>" if step.said else "")
    me = _("{who}：{line}").format(who="<b>" + _("你") + "</b>",
                                  line=said if step.said else esc(choice.text))
    return (f"<div class='kit-rp-msg kit-rp-me'><div>{me}</div></div>"
            + (note_html(choice) if notes else ""))


def log_html(sc: Scenario, state: PlayState) -> str:
    """The conversation so far; feedback after each reply when the scenario says so."""
    notes = sc.feedback == "immediate"
    parts = []
    for step in state.steps:
        parts += [_line(sc, step.node), _reply(sc, step, notes)]
    if state.node:
        parts.append(_line(sc, state.node))
    return "".join(parts)


def guess_html(said: str, found: Match, text: str) -> str:
    """What the matcher understood, for the trainee to confirm."""
    words = _("、").join(found.shared[:4])
    index = (found.index or 0) + 1
    shared = _("共同的关键词：{words}").format(words=esc(words))
    heard = _("你说的是：“{said}”").format(said=esc(said))
    nearest = _("最接近第 {n} 个回应：{reply}").format(n=index, reply=f"<b>{esc(text)}</b>")
    return (f"<div class='kit-rp-note'>{heard}<br>{nearest}"
            + (f"<br><small>{shared}</small>" if words else "") + "</div>")


def group_html(live: RoleplayState) -> str:
    """Who replies for the group: the banner above a group's shared role-play."""
    if not live.together:
        return ""
    if live.group_no is None:
        text = _("你还没有分到小组，本次单独演练。")
    elif live.driver and not live.driving:
        text = _("第 {g} 组 · 由「{who}」为本组操作：大家一起商量回应，"
                 "「{who}」点选后，你的屏幕会跟着走。").format(g=live.group_no,
                                                            who=esc(live.driver))
    elif live.driver:
        text = _("第 {g} 组 · 你在为本组操作：先和组员商量，再点选回应。").format(g=live.group_no)
    else:
        text = _("第 {g} 组 · 小组演练：第一个点选回应的组员为本组操作，"
                 "其他组员的屏幕会跟着走。").format(g=live.group_no)
    return f"<div class='kit-banner kit-rp-group' role='status'>👥 {text}</div>"
