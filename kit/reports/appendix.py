"""The report's appendix: one row per trainee with every activity's result, on landscape A4.

Columns are numbered as the report's sections, so a 200-trainee class fits on a few pages that
a manager can file (one block per trainee took 60+ pages and tripled the PDF's print time).
"""

from __future__ import annotations

from typing import Any

from kit.htmltext import esc
from kit.i18n import N_, _
from kit.logic.certify import band
from kit.logic.peer import Reliability, reliability
from kit.reports.data import SessionData
from kit.reports.results import Result, completion, module_score
from kit.reports.sections import kind_name
from kit.reports.weakpoints import pct

LEGEND = N_("模块:模块成绩,达到合格线时附证书等级。分类、测验:得分(未答完时为 已答/题数·得分);"
            "投票:✓;方案:✓,有互评时附同伴评分;互评:已评/应评份数,附与其他评审者的平均差距(级);"
            "情景演练:✓ 与最好成绩(未走到结局时为演练次数);"
            "— 为未参与。")


def reliabilities(d: SessionData) -> dict[tuple[str, int], Reliability]:
    """(peer activity, reviewer) → how far the reviewer was from the others."""
    return {(aid, r.reviewer): r for aid, got in d.reviews.items()
            for r in reliability([(rv.reviewer, rv.author, rv.scores) for rv in got])}


def cell(r: Result, rel: Reliability | None) -> str:
    """One activity's result in a few characters."""
    if not r.progress:
        return "—"
    if r.kind in ("classify", "quiz"):
        return pct(r.score) if r.done else f"{r.progress}/{r.expected}·{pct(r.score)}"
    if r.kind == "draft":
        return "✓" + (f" {pct(r.score)}" if r.score is not None else "")
    if r.kind == "roleplay":
        return f"✓ {pct(r.score)}" if r.done else _("{n} 次·未完成").format(n=r.progress)
    if r.kind == "peer_review":
        far = "" if rel is None or rel.from_consensus is None else f"·{rel.from_consensus:.1f}"
        return f"{r.progress}/{r.expected}{far}"
    return "✓" if r.done else f"{r.progress}/{r.expected}"


def module_cell(d: SessionData, number: int, results: dict[str, Result]) -> str:
    """The module score, and the certificate band when it reaches the pass mark."""
    score = module_score(d, number, results)
    mark = d.course.module(number).pass_mark
    got = band(score, mark) if mark is not None and score is not None else None
    return pct(score) + (f" {got}" if got else "")


def row(d: SessionData, p: Any, results: dict[str, Result],
        rels: dict[tuple[str, int], Reliability]) -> str:
    cells = "".join(f"<td class='n'>{esc(cell(results[a.id], rels.get((a.id, p.id))))}</td>"
                    for a in d.activities())
    group = "" if p.group_no is None else str(p.group_no)
    modules = "".join(f"<td class='n'>{esc(module_cell(d, m, results))}</td>"
                      for m in d.workshop.modules)
    return (f"<tr><td>{esc(d.name(p.id))}</td><td>{esc(p.staff_id)}</td><td>{group}</td>"
            f"<td class='n'>{pct(completion(results))}</td>{modules}{cells}</tr>")


def appendix(d: SessionData, results: dict[int, dict[str, Result]]) -> str:
    acts = d.activities()
    legend = "".join("<li>" + _("{title}({kind})").format(
        title=esc(a.title), kind=esc(kind_name(a.kind))) + "</li>" for a in acts)
    head = "".join("<th>" + _("模块{number}").format(number=m) + "</th>"
                   for m in d.workshop.modules) + "".join(
        f"<th>{n}</th>" for n in range(1, len(acts) + 1))
    rels = reliabilities(d)
    rows = "".join(row(d, p, results[p.id], rels) for p in d.people)
    title, names = _("附录:学员个人结果"), "".join(
        f"<th>{_(n)}</th>" for n in (N_("姓名"), N_("工号"), N_("组"), N_("完成")))
    return (f"<div class='appendix'><h2>{title}</h2><ol class='legend'>{legend}</ol>"
            f"<p class='note'>{_(LEGEND)}</p><table class='trainees'><thead><tr>{names}"
            f"{head}</tr></thead><tbody>{rows}</tbody></table></div>")
