"""The session report a branch manager files: cover, weakest points, one section per activity,
and an appendix per trainee (left out when anonymised).

Each activity kind has a :class:`Kind`: how its figures are computed (pure) and how they are
rendered; a kind without an entry in :data:`KINDS` gets the participation-only section.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from kit.htmltext import esc
from kit.i18n import _
from kit.reports import sections
from kit.reports.appendix import appendix
from kit.reports.data import SessionData
from kit.reports.figures import QuestionFigures, question_figures
from kit.reports.peerfigures import DraftFigures, PeerFigures, draft_figures, peer_figures
from kit.reports.results import Result, session_results
from kit.reports.roleplayfigures import roleplay_figures
from kit.reports.roleplaysection import roleplay_section
from kit.reports.weakpoints import weak_points

Results = dict[int, dict[str, Result]]


@dataclass(frozen=True)
class Kind:
    figures: Callable[[SessionData, Any, Results], Any]
    render: Callable[[Any, int, int], str]
    """(figures, section number, trainees joined) → HTML."""


KINDS: dict[str, Kind] = {
    "classify": Kind(question_figures, lambda f, n, _: sections.question_section(f, n)),
    "quiz": Kind(question_figures, lambda f, n, _: sections.question_section(f, n)),
    "poll": Kind(question_figures, lambda f, n, _: sections.question_section(f, n)),
    "draft": Kind(draft_figures, lambda f, n, _: sections.draft_section(f, n)),
    "peer_review": Kind(peer_figures, sections.peer_section),
    "roleplay": Kind(roleplay_figures, roleplay_section),
}


@dataclass(frozen=True)
class Attendance:
    joined: int
    active: int
    completed: int


def attendance(results: Results) -> Attendance:
    active = sum(1 for r in results.values() if any(x.progress for x in r.values()))
    done = sum(1 for r in results.values() if r and all(x.done for x in r.values()))
    return Attendance(len(results), active, done)


def _when(ts: float | None, fmt: str) -> str:
    return "—" if not ts else time.strftime(fmt, time.localtime(ts))


def cover(d: SessionData, results: Results, points: list[str]) -> str:
    ws, a = d.workshop, attendance(results)
    start = min((p.joined_at for p in d.people), default=None)
    minutes = round((d.last_work - start) / 60) if start and d.last_work else None
    mods = _(";").join(_("模块 {number} {title}").format(number=n, title=d.course.module(n).title)
                       for n in ws.modules)
    took = _("{start}–{end},约 {minutes} 分钟")
    rows = ((_("工作坊"), _("{title}(参与码 {code})").format(title=ws.title, code=ws.code)),
            (_("模块"), mods), (_("日期"), _when(ws.created_at or start, "%Y-%m-%d")),
            (_("讲师"), ws.instructor or _("未填写")),
            (_("出勤"), _("加入 {joined} 人 · 参与 {active} 人 · 全部完成 {completed} 人").format(
                joined=a.joined, active=a.active, completed=a.completed)),
            (_("时长"), "—" if minutes is None else took.format(
                start=_when(start, "%H:%M"), end=_when(d.last_work, "%H:%M"), minutes=minutes)))
    meta = "".join(f"<tr><th>{k}</th><td>{esc(v)}</td></tr>" for k, v in rows)
    weak = "".join(f"<li>{esc(p)}</li>" for p in points) or \
        "<li>" + _("各项正确率都在 60% 以上,没有明显的薄弱点。") + "</li>"
    note = (_("本报告已匿名,不含学员个人附录。") if d.anonymised
            else _("正文不含学员姓名;个人结果见附录。"))
    sub, head = _("培训报告"), _("全班最需要加强的地方")
    return (f"<section class='cover'><h1>{esc(ws.title)}</h1><p class='sub'>{sub}</p>"
            f"<table class='meta'>{meta}</table><h2>{head}</h2><ol class='weak'>"
            f"{weak}</ol><p class='note'>{note}</p></section>")


def body(d: SessionData) -> str:
    """The report's HTML body."""
    results = session_results(d)
    figures, parts = [], []
    for number, act in enumerate(d.activities(), 1):
        kind = KINDS.get(act.kind)
        if kind is None:
            took = sum(1 for r in results.values() if r[act.id].progress)
            done = sum(1 for r in results.values() if r[act.id].done)
            parts.append(sections.other_section(act, number, len(d.people), took, done))
            continue
        fig = kind.figures(d, act, results)
        figures.append(fig)
        parts.append(kind.render(fig, number, len(d.people)))
    points = weak_points([f for f in figures if isinstance(f, QuestionFigures)],
                         [f for f in figures if isinstance(f, DraftFigures)],
                         [f for f in figures if isinstance(f, PeerFigures)])
    tail = "" if d.anonymised else appendix(d, results)
    return cover(d, results, points) + "".join(parts) + tail
