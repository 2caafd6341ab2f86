"""Feedback after reveal or in self-study: per dimension, right or wrong and why."""

from __future__ import annotations

from kit.logic.classify import DimResult
from kit.logic.questions import Ask, Question
from kit.state.activity import Tally
from kit.widgets._base import esc


def feedback_html(question: Question, results: dict[str, DimResult]) -> str:
    rows = []
    for ask in question.asks:
        res = results.get(ask.id)
        if res is None:
            continue
        names = {c.code: c.name for c in ask.choices}
        key = "、".join(names.get(c, c) for c in ask.key or ())
        mark = "✔ 正确" if res.correct else (f"部分正确 {res.score:.0%}" if res.score else "✘ 错误")
        css = "kit-ok" if res.correct else "kit-error"
        rows.append(f'<li><b>{esc(ask.name)}</b> <span class="{css}">{mark}</span>'
                    f"<br>参考答案:{esc(key)}"
                    + (f"<br>解析:{esc(ask.explanation)}" if ask.explanation else "") + "</li>")
    return f'<div class="kit-card" role="status"><ul>{"".join(rows)}</ul></div>' if rows else ""


def tally_html(ask: Ask, tally: Tally | None, mine: list[str]) -> str:
    """A poll's class result as bars in %, the trainee's own choice marked (not as wrong)."""
    if tally is None or not tally.answered:
        return "<div class='kit-card'>还没有人作答。</div>"
    rows = []
    for choice in ask.choices:
        n = tally.counts.get(choice.code, 0)
        share = n / tally.answered
        own = " <b>(您的选择)</b>" if choice.code in mine else ""
        rows.append(f"<div class='kit-tally'><div>{esc(choice.name)}{own}</div>"
                    f"<div class='kit-tally-bar'><span style='width:{share:.0%}'></span></div>"
                    f"<div>{share:.0%}({n} 人)</div></div>")
    return (f"<div class='kit-card' role='status'><b>全班结果</b>(共 {tally.answered} 人作答)"
            + "".join(rows) + "</div>")
