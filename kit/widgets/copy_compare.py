"""People against the checker, for the projector after ``m2-copy-review`` is revealed.

Plain data in (:func:`kit.logic.copycheck.compare.compare_class`), escaped HTML out; the page
controller decides when to show it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from kit.logic.copycheck.compare import CodeVote, CopyComparison
from kit.widgets._base import esc


def _mark(flag: bool | None) -> str:
    return "—" if flag is None else ("✔" if flag else "")


def _row(v: CodeVote, names: Mapping[str, str]) -> str:
    style = " style='background:#fff6e5'" if v.differs else ""
    return (f"<tr{style}><td>{esc(v.code)} {esc(names.get(v.code, ''))}</td>"
            f"<td style='text-align:right'>{v.raised_by}（{v.share:.0%}）</td>"
            f"<td style='text-align:center'>{_mark(v.checker)}</td>"
            f"<td style='text-align:center'>{_mark(v.key)}</td></tr>")


def comparison_html(comparisons: Sequence[CopyComparison], titles: Mapping[str, str],
                    names: Mapping[str, str]) -> str:
    """One table per piece of copy; rows where the class and the checker differ are shaded."""
    cards = []
    for c in comparisons:
        rows = "".join(_row(v, names) for v in c.votes) or (
            "<tr><td colspan='4'>学员和检查器都认为没有违规</td></tr>")
        cards.append(f"<div class='kit-card'><b>{esc(titles.get(c.case_id, c.case_id))}</b>"
                     f"（{c.answered} 人作答，{len(c.differences)} 处分歧）"
                     "<table style='width:100%'><tr><th>规则</th><th>学员选择</th>"
                     f"<th>检查器</th><th>参考答案</th></tr>{rows}</table></div>")
    return "".join(cards)
