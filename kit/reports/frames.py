"""pandas frames for one session, with Chinese headers (kit.reports.headers translates them
where they are written). Figures come from kit.logic."""

from __future__ import annotations

import time
from typing import Any

import pandas as pd

from kit.i18n import N_, _
from kit.logic import classify, stats
from kit.logic.agreement import agreement
from kit.logic.questions import for_activity
from kit.reports.data import SessionData

STATUS = {"joined": N_("已加入"), "working": N_("作答中"), "submitted": N_("已提交"),
          "reviewing": N_("互评中")}


def local(ts: float | None) -> Any:
    """Epoch seconds → local wall-clock time (Excel has no time zones)."""
    if ts is None:
        return pd.NaT
    return pd.Timestamp(time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(ts)))


def roster(d: SessionData) -> pd.DataFrame:
    rows = [{"姓名": d.name(p.id), "工号": "" if d.anonymised else p.staff_id,
             "组号": p.group_no, "加入时间": local(p.joined_at), "最后在线": local(p.last_seen),
             "在场分钟": round((p.last_seen - p.joined_at) / 60, 1),
             "状态": _(STATUS[p.status]) if p.status in STATUS else p.status} for p in d.people]
    return pd.DataFrame(rows, columns=["姓名", "工号", "组号", "加入时间", "最后在线", "在场分钟",
                                       "状态"])


def activity_times(d: SessionData, versions: list[Any]) -> pd.DataFrame:
    """Per trainee and activity: first and last submission, minutes between, versions."""
    spans: dict[tuple[int, str], list[float]] = {}
    for s in versions:
        spans.setdefault((s.participant_id, s.activity_id), []).append(s.created_at)
    titles = {a.id: a.title for a in d.activities()}
    rows = [{"姓名": d.name(pid), "活动": titles.get(aid, aid), "首次提交": local(min(ts)),
             "最后提交": local(max(ts)), "用时(分钟)": round((max(ts) - min(ts)) / 60, 1),
             "提交次数": len(ts)} for (pid, aid), ts in sorted(spans.items())]
    return pd.DataFrame(rows, columns=["姓名", "活动", "首次提交", "最后提交", "用时(分钟)",
                                       "提交次数"])


def classification(d: SessionData) -> pd.DataFrame:
    rows = []
    for act in d.activities():
        if act.kind not in ("classify", "quiz"):
            continue
        questions = {q.id: q for q in for_activity(d.course, act.id)}
        for s in (s for s in d.submissions if s.activity_id == act.id):
            q = questions.get(s.item_id)
            if q is None:
                continue
            answer = s.payload.get("answer", {})
            for ask in q.asks:
                names = {c.code: c.name for c in ask.choices}
                chosen = answer.get(ask.id, [])
                rows.append({"活动": act.title, "题目/案例": q.title or q.id, "姓名": d.name(
                    s.participant_id), "维度": ask.name,
                    "选择": "、".join(names.get(c, c) for c in chosen),
                    "答案": "、".join(names.get(c, c) for c in ask.key or ()),
                    "得分": classify.score(chosen, ask.key or (), ask.cardinality)})
    return pd.DataFrame(rows, columns=["活动", "题目/案例", "姓名", "维度", "选择", "答案", "得分"])


def accuracy(cls: pd.DataFrame) -> pd.DataFrame:
    if cls.empty:
        return pd.DataFrame(columns=["活动", "维度", "平均得分", "作答人次"])
    out = cls.groupby(["活动", "维度"], sort=False)["得分"].agg(["mean", "count"]).reset_index()
    return out.rename(columns={"mean": "平均得分", "count": "作答人次"})


def confusion_and_agreement(d: SessionData) -> tuple[pd.DataFrame, pd.DataFrame]:
    conf, agree = [], []
    for act in d.activities():
        if act.kind != "classify":
            continue
        qs = for_activity(d.course, act.id)
        subs = [s for s in d.submissions if s.activity_id == act.id]
        by_p: dict[int, dict[str, Any]] = {}
        for s in subs:
            by_p.setdefault(s.participant_id, {})[s.item_id] = s.payload.get("answer", {})
        for ask in qs[0].asks:
            names = {c.code: c.name for q in qs for a in q.asks if a.id == ask.id
                     for c in a.choices} | {"—": _("(未选)")}
            pairs = [(a, s.payload.get("answer", {})) for q in qs for a in q.asks
                     if a.id == ask.id for s in subs if s.item_id == q.id]
            for (k, c), n in stats.confusion(pairs).items():
                conf.append({"活动": act.title, "维度": ask.name, "答案": names.get(k, k),
                             "选择": names.get(c, c), "人次": n})
            a = agreement(qs, ask.id, by_p)
            agree.append({"活动": act.title, "维度": ask.name, "方法": a.method, "值": a.value})
    return (pd.DataFrame(conf, columns=["活动", "维度", "答案", "选择", "人次"]),
            pd.DataFrame(agree, columns=["活动", "维度", "方法", "值"]))
