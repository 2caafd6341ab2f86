"""HTML for the role-play view: the conversation, the mood gauge and the feedback cards.

Pure functions of the scenario and the play, so that they are tested without widgets. Every
text is escaped; meaning never rests on colour alone (the gauge says its value and a word, a
reply's quality is written out).
"""

from __future__ import annotations

from kit.content.scenario_models import Choice, Scenario
from kit.htmltext import esc
from kit.logic.matcher import Match
from kit.content.scenario_rules import choice_at, mood_word
from kit.logic.roleplay_play import PlayState, Step

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
MARKS = {"good": "✔ 佳", "fair": "● 可", "poor": "✘ 欠妥"}


def intro_html(sc: Scenario) -> str:
    mode = "每次回应后立即点评" if sc.feedback == "immediate" else "点评在演练结束后统一给出"
    return (f"<div class='kit-card'><h3>{esc(sc.title)}</h3><p>{esc(sc.setting)}</p>"
            f"<p><b>{esc(sc.role)}</b><br>客户：{esc(sc.customer)}</p><small>{mode}。"
            "可以点选一个回应，也可以用自己的话回答。</small></div>")


def gauge_html(sc: Scenario, mood: int, change: int | None = None) -> str:
    moved = ("" if change is None else "（不变）" if change == 0 else
             f"（上升 {change}）" if change > 0 else f"（平复 {-change}）")
    ticks = "".join(f"<div class='kit-rp-tick' style='left:{b.at}%' title='{b.at}'></div>"
                    for b in sc.breaks)
    limits = "；".join(f"达到 {b.at} 时演练结束" for b in sorted(sc.breaks, key=lambda b: b.at))
    return (f"<div class='kit-rp-gauge' role='meter' aria-label='客户情绪' aria-valuemin='0' "
            f"aria-valuemax='100' aria-valuenow='{mood}'>客户情绪 <b>{mood}</b>/100 · "
            f"<b>{mood_word(mood)}</b>{moved}<div class='kit-rp-track'>{ticks}"
            f"<div class='kit-rp-fill' style='width:{mood}%'></div></div>"
            f"<small>0 平静 … 100 激动{('；' + limits) if limits else ''}</small></div>")


def note_html(choice: Choice) -> str:
    breach = "合规" in choice.skills
    head = "⚠ 违规回应" if breach else MARKS[choice.quality]
    rule = f"<br><small>依据：{esc(choice.rule)}</small>" if choice.rule else ""
    css = "kit-rp-note kit-rp-breach" if breach else "kit-rp-note"
    return f"<div class='{css}'><b>{head}</b> {esc(choice.feedback)}{rule}</div>"


def _line(sc: Scenario, node_id: str) -> str:
    node = sc.node(node_id)
    if node is None:
        return ""
    scene = f"<div class='kit-rp-scene'>{esc(node.narration)}</div>" if node.narration else ""
    return (f"{scene}<div class='kit-rp-msg kit-rp-them'><div><b>客户</b>："
            f"{esc(node.customer)}</div></div>")


def _reply(sc: Scenario, step: Step, notes: bool) -> str:
    choice = choice_at(sc, step.node, step.choice)
    said = esc(step.said) + (f"<br><small>按最接近的回应处理：{esc(choice.text)}</small>"
                             if step.said else "")
    return (f"<div class='kit-rp-msg kit-rp-me'><div><b>你</b>："
            f"{said if step.said else esc(choice.text)}</div></div>"
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
    words = "、".join(found.shared[:4])
    index = (found.index or 0) + 1
    return (f"<div class='kit-rp-note'>你说的是：“{esc(said)}”<br>最接近第 {index} 个回应："
            f"<b>{esc(text)}</b>"
            + (f"<br><small>共同的关键词：{esc(words)}</small>" if words else "") + "</div>")
