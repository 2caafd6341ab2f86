"""The report's appendix: one block per trainee with every activity's result."""

from __future__ import annotations

from typing import Any

from kit.htmltext import esc
from kit.logic.certify import band
from kit.logic.peer import Reliability, reliability
from kit.reports.data import SessionData
from kit.reports.results import Result, completion, module_score
from kit.reports.sections import KIND_NAMES
from kit.reports.weakpoints import pct


def reliabilities(d: SessionData) -> dict[tuple[str, int], Reliability]:
    """(peer activity, reviewer) → how far the reviewer was from the others."""
    return {(aid, r.reviewer): r for aid, got in d.reviews.items()
            for r in reliability([(rv, a, s) for _, rv, a, s, _, _ in got])}


def describe(r: Result, rel: Reliability | None) -> str:
    """One activity's result in a few Chinese words."""
    if r.kind in ("classify", "quiz"):
        return f"{r.progress}/{r.expected} 题,得分 {pct(r.score)}"
    if r.kind == "poll":
        return f"{r.progress}/{r.expected} 题"
    if r.kind == "draft":
        if not r.done:
            return "未提交"
        if not r.scored:
            return "已提交"
        return "已提交," + ("尚无评分" if r.score is None else f"同伴评分 {pct(r.score)}")
    if r.kind == "peer_review":
        far = "" if rel is None or rel.from_consensus is None else \
            f",与其他评审者平均相差 {rel.from_consensus:.1f} 级"
        return f"评审 {r.progress}/{r.expected} 份{far}"
    return "已提交" if r.done else "未提交"


def modules_line(d: SessionData, results: dict[str, Result]) -> str:
    parts = []
    for number in d.workshop.modules:
        score = module_score(d, number, results)
        mark = d.course.module(number).pass_mark
        verdict = "" if mark is None or score is None else \
            (f",{band(score, mark)}" if band(score, mark) else f",未达合格线 {mark}%")
        parts.append(f"模块 {number} {pct(score)}{verdict}")
    return ";".join(parts)


def trainee_block(d: SessionData, p: Any, results: dict[str, Result],
                  rels: dict[tuple[str, int], Reliability]) -> str:
    rows = "".join(
        f"<tr><td>{esc(act.title)}</td><td>{esc(KIND_NAMES.get(act.kind, act.kind))}</td>"
        f"<td class='n'>{'✓' if results[act.id].done else '—'}</td>"
        f"<td>{esc(describe(results[act.id], rels.get((act.id, p.id))))}</td></tr>"
        for act in d.activities())
    who = " · ".join(x for x in (f"工号 {p.staff_id}" if p.staff_id else "",
                                 f"第 {p.group_no} 组" if p.group_no is not None else "") if x)
    done = sum(r.done for r in results.values())
    return (f"<section class='trainee'><h3>{esc(d.name(p.id))} <small>{esc(who)}</small></h3>"
            f"<p>完成 {done}/{len(results)} 个活动({pct(completion(results))});"
            f"{esc(modules_line(d, results))}</p><table><thead><tr><th>活动</th><th>类型</th>"
            f"<th>完成</th><th>结果</th></tr></thead><tbody>{rows}</tbody></table></section>")


def appendix(d: SessionData, results: dict[int, dict[str, Result]]) -> str:
    rels = reliabilities(d)
    blocks = "".join(trainee_block(d, p, results[p.id], rels) for p in d.people)
    return f"<div class='appendix'><h2>附录:学员个人结果</h2>{blocks}</div>"
