"""Frames for drafts, peer review, quizzes and polls, and the training record."""

from __future__ import annotations

from typing import Any

import pandas as pd

from kit.i18n import _
from kit.logic import classify, rules
from kit.logic.itemstats import Response, discrimination
from kit.logic.peer import medians, reliability
from kit.logic.questions import for_activity
from kit.logic.scores import participant_scores
from kit.reports.data import SessionData
from kit.reports.frames import local


def drafts(d: SessionData) -> pd.DataFrame:
    rows = []
    for act in (a for a in d.activities() if a.kind == "draft"):
        template = d.course.templates[act.template]
        sets = d.course.rules_for(template.id)
        for s in (s for s in d.submissions if s.activity_id == act.id):
            texts = s.payload.get("sections", {})
            hints = "；".join(sorted({f.title for f in rules.check(sets, texts)}))
            for sec in template.sections:
                rows.append({"活动": act.title, "姓名": d.name(s.participant_id),
                             "分节": sec.title, "内容": texts.get(sec.id, ""),
                             "规则提示": hints, "版本": s.version})
    return pd.DataFrame(rows, columns=["活动", "姓名", "分节", "内容", "规则提示", "版本"])


def reviews(d: SessionData) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    given, scores, rel = [], [], []
    for aid, got in d.reviews.items():
        act = d.course.activity(aid)
        crit = d.course.rubrics[act.rubric].criteria  # type: ignore[union-attr]
        for rv in got:
            given.append({"活动": act.title, "评审者": d.name(rv.reviewer),
                          "作者": d.name(rv.author), **{c.name: rv.scores.get(c.id) for c in crit},
                          "评语": rv.comment,
                          "标记": _flag(rv.flag)})
        for author in sorted({rv.author for rv in got}):
            med = medians([rv.scores for rv in got if rv.author == author])
            for c in crit:
                fixed = d.overrides.get(aid, {}).get((author, c.id))
                scores.append({"活动": act.title, "作者": d.name(author), "标准": c.name,
                               "同伴中位数": med.get(c.id), "讲师改判": fixed,
                               "最终": fixed if fixed is not None else med.get(c.id)})
        for r in reliability([(rv.reviewer, rv.author, rv.scores) for rv in got]):
            rel.append({"活动": act.title, "评审者": d.name(r.reviewer), "评审数": r.reviews,
                        "与共识平均偏差": r.from_consensus})
    return pd.DataFrame(given), pd.DataFrame(scores), pd.DataFrame(rel)


def _flag(flag: str | None) -> str:
    """An author's flag on a review, as the export shows it."""
    return {"unhelpful": _("没有帮助"), "inappropriate": _("不恰当")}.get(flag or "", "")


def quiz_items(d: SessionData) -> pd.DataFrame:
    """Difficulty (mean score) and, from 10 answers up, discrimination (upper − lower 27%)."""
    totals = participant_scores(d.course, d.submissions)
    rows = []
    for act in (a for a in d.activities() if a.kind == "quiz"):
        for q in for_activity(d.course, act.id):
            got = [(s.participant_id, classify.total(classify.grade(q, s.payload["answer"])))
                   for s in d.submissions if s.activity_id == act.id and s.item_id == q.id]
            rows.append({"活动": act.title, "题号": q.id, "题目": q.body[:60],
                         "作答人数": len(got), "难度(正确率)": _mean([v for _, v in got]),
                         "区分度": _discrimination(got, totals)})
    columns = ["活动", "题号", "题目", "作答人数", "难度(正确率)", "区分度"]
    return pd.DataFrame(rows, columns=columns)


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def _discrimination(got: list[tuple[int, float]], totals: dict[int, float]) -> float | None:
    """Upper − lower 27 % by the trainee's mean score (kit.logic.itemstats), from 10 answers."""
    if len(got) < 10:
        return None
    return discrimination([Response(str(pid), totals.get(pid, 0.0), totals.get(pid, 0.0),
                                    value == 1.0, frozenset()) for pid, value in got])


def polls(d: SessionData) -> pd.DataFrame:
    rows = []
    for act in (a for a in d.activities() if a.kind == "poll"):
        for q in for_activity(d.course, act.id):
            chosen = [c for s in d.submissions if s.activity_id == act.id and s.item_id == q.id
                      for c in s.payload["answer"].get("answer", [])]
            for choice in q.asks[0].choices:
                rows.append({"活动": act.title, "题目": q.body, "选项": choice.name,
                             "人数": chosen.count(choice.code)})
    return pd.DataFrame(rows, columns=["活动", "题目", "选项", "人数"])


RECORD_COLUMNS = ["staff_id", "name", "session_code", "session_title", "date", "modules",
                  "activities_done", "activities_total", "completion", "score_mean"]


def training_record(d: SessionData) -> pd.DataFrame:
    """One row per trainee, stable English column names for HR import (docs/records.md).

    Completion counts every activity kind, peer reviews included (kit.reports.results)."""
    from kit.reports.results import session_results

    results = session_results(d)
    scores = participant_scores(d.course, d.submissions)
    date = local(min((p.joined_at for p in d.people), default=None))
    rows: list[dict[str, Any]] = []
    for p in d.people:
        mine = results[p.id]
        done = sum(r.done for r in mine.values())
        rows.append({
            "staff_id": "" if d.anonymised else p.staff_id, "name": d.name(p.id),
            "session_code": d.workshop.code, "session_title": d.workshop.title,
            "date": date.strftime("%Y-%m-%d") if date is not pd.NaT else "",
            "modules": ";".join(map(str, d.workshop.modules)),
            "activities_done": done, "activities_total": len(mine),
            "completion": round(done / len(mine), 3) if mine else 0.0,
            "score_mean": round(scores[p.id], 3) if p.id in scores else ""})
    return pd.DataFrame(rows, columns=RECORD_COLUMNS)
