"""The topics of a session export: sheet name → frame, both in the UI's language."""

from __future__ import annotations

import pandas as pd

from kit.reports import frames as f
from kit.reports import frames_more as m
from kit.reports.data import SessionData
from kit.reports.frames_roleplay import roleplay_attempts
from kit.reports.headers import name, translated


def topics(d: SessionData, versions: list[object]) -> dict[str, pd.DataFrame]:
    cls = f.classification(d)
    conf, agree = f.confusion_and_agreement(d)
    given, scores, rel = m.reviews(d)
    found = {"名单与出勤": f.roster(d), "活动用时": f.activity_times(d, versions),
            "分类作答": cls, "维度正确率": f.accuracy(cls), "混淆表": conf, "一致性": agree,
            "方案": m.drafts(d), "互评明细": given, "互评成绩": scores, "评审者可靠性": rel,
            "测验题目分析": m.quiz_items(d), "投票分布": m.polls(d),
            "情景演练": roleplay_attempts(d),
            "培训记录": m.training_record(d)}
    return {name(sheet): translated(frame) for sheet, frame in found.items()}
