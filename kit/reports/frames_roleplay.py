"""The workbook's 情景演练 sheet: one row per role-play attempt (replays and group plays
included), with its path, mood trace, ending, score and skill profile."""

from __future__ import annotations

import time
from typing import Any

import pandas as pd

from kit.content.scenario_models import ENDING_NAMES, skill_name
from kit.i18n import _
from kit.logic.roleplay_profile import STEP_SKILLS
from kit.reports.data import SessionData
from kit.store.roleplay import Played

HEAD = ["活动", "情景", "学员", "组", "第几次", "路径(回应序号)", "经过的节点", "情绪变化", "结局",
        "情绪强制结束", "得分"]
TAIL = ["违规次数", "已完成", "开始", "最后一步"]
"""The columns around the skills (one column each, named in the UI's language)."""


def _when(ts: float) -> str:
    return time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(ts))


def _row(d: SessionData, p: Played) -> dict[str, Any]:
    a, act = p.attempt, d.course.activity(p.activity_id)
    sc = d.course.scenarios.get(a.scenario_id)
    end = sc.ending(a.ending) if sc and a.ending else None
    who = _("、").join(d.name(m) for m in p.members) if p.group_no is not None else \
        d.name(p.participant_id)
    skills = {s.skill: s.score for s in a.profile.skills}
    return {"活动": act.title, "情景": sc.title if sc else a.scenario_id, "学员": who,
            "组": p.group_no if p.group_no is not None else "", "第几次": a.number,
            "路径(回应序号)": "-".join(str(c + 1) for c in a.choices),
            "经过的节点": " → ".join(s.node for s in a.steps),
            "情绪变化": " → ".join(map(str, a.mood_trace)),
            "结局": _("{name}:{verdict}").format(name=_(ENDING_NAMES[end.kind]),
                                               verdict=end.verdict) if end else "",
            "情绪强制结束": _("是") if a.forced else "", "得分": a.score if a.score is not None
            else "", **{skill_name(k): skills.get(k) if skills.get(k) is not None else ""
                        for k in STEP_SKILLS}, "违规次数": a.profile.breaches,
            "已完成": _("是") if p.finished else _("否"), "开始": _when(p.started_at),
            "最后一步": _when(p.updated_at)}


def roleplay_attempts(d: SessionData) -> pd.DataFrame:
    acts = {a.id for a in d.activities()}
    rows = [_row(d, p) for p in d.plays if p.activity_id in acts and p.attempt.steps]
    return pd.DataFrame(rows, columns=[*HEAD, *map(skill_name, STEP_SKILLS), *TAIL])
