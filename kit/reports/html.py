"""A self-contained, printable (A4) HTML report: no external resources at all."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from kit.htmlcharts import bars
from kit.htmltext import esc
from kit.logic import stats
from kit.logic.questions import for_activity
from kit.reports.data import SessionData
from kit.reports.sheets import topics

CSS = """
@page { size: A4; margin: 16mm; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif;
       font-size: 11pt; color: #111; }
h1 { font-size: 18pt; } h2 { font-size: 14pt; border-bottom: 1px solid #999; }
table { border-collapse: collapse; margin: 6px 0; } td, th { border: 1px solid #bbb;
       padding: 2px 6px; font-size: 9.5pt; }
.page { page-break-before: always; }
.card { border: 1px solid #ccc; border-radius: 6px; padding: 8px 12px; margin: 8px 0; }
"""


def _table(frame: pd.DataFrame) -> str:
    return str(frame.to_html(index=False, na_rep="—", escape=True,
                             float_format=lambda v: f"{v:.2f}"))


def _charts(d: SessionData) -> str:
    parts = []
    for act in d.activities():
        if act.kind not in ("classify", "quiz", "poll"):
            continue
        parts.append(f"<h3>{esc(act.title)}</h3>")
        for q in for_activity(d.course, act.id)[:6]:
            answers = [s.payload.get("answer", {}) for s in d.submissions
                       if s.activity_id == act.id and s.item_id == q.id]
            for ask in q.asks:
                names = {c.code: c.name for c in ask.choices}
                parts.append(f"<div class='card'><b>{esc(q.title or q.body[:40])} · "
                             f"{esc(ask.name)}</b>"
                             + bars(stats.distribution(answers, ask), names, ask.key or ())
                             + "</div>")
    return "".join(parts)


def _best_drafts(tables: dict[str, pd.DataFrame]) -> str:
    scores = tables["互评成绩"]
    if scores.empty:
        return "<p>本场没有互评成绩。</p>"
    top = scores.groupby("作者")["最终"].mean().sort_values(ascending=False).head(2).index
    drafts = tables["方案"]
    out = []
    for rank, author in enumerate(top, 1):
        rows = drafts[drafts["姓名"] == author]
        body = "".join(f"<p><b>{esc(r['分节'])}</b>:{esc(r['内容'])}</p>"
                       for _, r in rows.iterrows())
        out.append(f"<div class='card'><b>优秀方案 {rank}</b>(已匿名){body}</div>")
    return "".join(out)


def _trainee_pages(d: SessionData, tables: dict[str, pd.DataFrame]) -> str:
    cls = tables["分类作答"]
    pages = []
    for p in d.people:
        name = d.name(p.id)
        mine = cls[cls["姓名"] == name]
        summary = (mine.groupby("活动")["得分"].mean().reset_index().rename(
            columns={"得分": "平均得分"}) if not mine.empty else pd.DataFrame())
        pages.append(f"<section class='page'><h2>学员个人记录:{esc(name)}</h2>"
                     f"<p>场次 {esc(d.workshop.title)}({esc(d.workshop.code)})</p>"
                     + (_table(summary) if not summary.empty else "<p>未参与计分活动。</p>")
                     + "</section>")
    return "".join(pages)


class HtmlExport:
    suffix = ".html"

    def export(self, d: SessionData, versions: list[object], out: Path) -> Path:
        tables = topics(d, versions)
        acc = tables["维度正确率"].sort_values("平均得分").head(5)
        overview = (f"<h1>{esc(d.workshop.title)} · 培训报告</h1>"
                    f"<p>参与码 {esc(d.workshop.code)},学员 {len(d.people)} 人。"
                    "概览页不含学员姓名;个人记录在后附页。</p>"
                    "<h2>全班最薄弱的维度</h2>" + _table(acc)
                    + "<h2>各活动作答分布</h2>" + _charts(d)
                    + "<h2>匿名优秀方案</h2>" + _best_drafts(tables))
        html = (f"<!DOCTYPE html><html lang='zh-CN'><head><meta charset='utf-8'>"
                f"<title>{esc(d.workshop.title)} 培训报告</title><style>{CSS}</style></head>"
                f"<body>{overview}{_trainee_pages(d, tables)}</body></html>")
        out.write_text(html, encoding="utf-8")
        return out
