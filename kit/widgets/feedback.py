"""Feedback after reveal or in self-study: per dimension, right or wrong and why."""

from __future__ import annotations

from kit.content.citation import plain_citation
from kit.i18n import _
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
        key = _("、").join(names.get(c, c) for c in ask.key or ())
        mark = _("✔ 正确") if res.correct else (_("部分正确 {score:.0%}").format(
                                                  score=res.score) if res.score else _("✘ 错误"))
        css = "kit-ok" if res.correct else "kit-error"
        rows.append(_('<li><b>{name}</b> <span class="{css}">{mark}</span>'
                      "<br>参考答案:{key}").format(
                        name=esc(ask.name), css=css, mark=mark, key=esc(key))
                    + (_("<br>解析:{explanation}").format(
                           explanation=esc(ask.explanation)) if ask.explanation else "") + "</li>")
    basis = (_("<small>依据：{plain_citation}</small>").format(
                 plain_citation=esc(plain_citation(question.source)))
             if rows and question.source else "")
    return (f'<div class="kit-card" role="status"><ul>{"".join(rows)}</ul>{basis}</div>'
            if rows else "")


def tally_html(ask: Ask, tally: Tally | None, mine: list[str]) -> str:
    """A poll's class result as bars in %, the trainee's own choice marked (not as wrong)."""
    if tally is None or not tally.answered:
        return _("<div class='kit-card'>还没有人作答。</div>")
    rows = []
    for choice in ask.choices:
        n = tally.counts.get(choice.code, 0)
        share = n / tally.answered
        own = _(" <b>(您的选择)</b>") if choice.code in mine else ""
        rows.append(_("<div class='kit-tally'><div>{name}{own}</div><div class='kit-tally-bar'>"
                      "<span style='width:{share:.0%}'></span></div><div>{share:.0%}({n} 人)</div>"
                      "</div>").format(name=esc(choice.name), own=own, share=share, n=n))
    return (_("<div class='kit-card' role='status'><b>全班结果</b>(共 {answered} 人作答)").format(
                answered=tally.answered)
            + "".join(rows) + "</div>")
