"""People against the checker, for the projector after ``m2-copy-review`` is revealed.

Plain data in (:func:`kit.logic.copycheck.compare.compare_class`), escaped HTML out; the page
controller decides when to show it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from kit.i18n import _
from kit.logic.copycheck.compare import CodeVote, CopyComparison
from kit.widgets._base import esc


def _mark(flag: bool | None) -> str:
    return "—" if flag is None else ("✔" if flag else "")


def _row(v: CodeVote, names: Mapping[str, str]) -> str:
    style = " style='background:#fff6e5'" if v.differs else ""
    return (_("<tr{style}><td>{code} {x}</td><td style='text-align:right'>{raised_by}（{share:"
              ".0%}）</td><td style='text-align:center'>{mark}</td><td style='text-align:center'>"
              "{mark2}</td></tr>").format(
                style=style, code=esc(v.code), x=esc(names.get(v.code, '')), raised_by=v.raised_by,
                share=v.share, mark=_mark(v.checker), mark2=_mark(v.key)))


def comparison_html(comparisons: Sequence[CopyComparison], titles: Mapping[str, str],
                    names: Mapping[str, str]) -> str:
    """One table per piece of copy; rows where the class and the checker differ are shaded."""
    cards = []
    for c in comparisons:
        rows = "".join(_row(v, names) for v in c.votes) or (
            _("<tr><td colspan='4'>学员和检查器都认为没有违规</td></tr>"))
        cards.append(_("<div class='kit-card'><b>{x}</b>"
                       "（{answered} 人作答，{n} 处分歧）<table style='width:100%'><tr><th>"
                       "规则</th><th>学员选择</th><th>检查器</th><th>参考答案</th></tr>"
                       "{rows}</table></div>").format(
                         x=esc(titles.get(c.case_id, c.case_id)), answered=c.answered,
                         n=len(c.differences), rows=rows))
    return "".join(cards)
