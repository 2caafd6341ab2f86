"""Feedback after reveal or in self-study: per dimension, right or wrong and why."""

from __future__ import annotations

from kit.content.citation import plain_citation
from kit.logic.classify import DimResult
from kit.logic.questions import Question
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
    basis = (f"<small>依据：{esc(plain_citation(question.source))}</small>"
             if rows and question.source else "")
    return f'<div class="kit-card"><ul>{"".join(rows)}</ul>{basis}</div>' if rows else ""
