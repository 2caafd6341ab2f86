"""Item analysis as tables (pandas) and as text for the terminal."""

from __future__ import annotations

import pandas as pd

from kit.i18n import _
from kit.reports.analysis import Analysis, Item, to_review

ITEM_COLUMNS = ["类型", "题目", "活动", "作答人数", "难度(正确率)", "区分度 D", "点二列相关",
                "答案", "选项(全体/高分组/低分组)", "需复查"]


def _share(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def _options(item: Item) -> str:
    names = {c.code: c.name for c in item.ask.choices}
    used = [o for o in item.stats.options if o.share or o.key]
    return ";".join(f"{'✓' if o.key else ''}{names.get(o.code, o.code)} "
                    f"{round(o.share * 100)}%/{round(o.upper * 100)}%/{round(o.lower * 100)}%"
                    for o in used)


def items_frame(a: Analysis) -> pd.DataFrame:
    rows = [{"类型": _(i.kind), "题目": i.label, "活动": "、".join(i.activities),
             "作答人数": i.stats.n, "难度(正确率)": _share(i.stats.difficulty),
             "区分度 D": _share(i.stats.discrimination),
             "点二列相关": _share(i.stats.point_biserial),
             "答案": "、".join(c.name for c in i.ask.choices if c.code in (i.ask.key or ())),
             "选项(全体/高分组/低分组)": _options(i),
             "需复查": ";".join(f.reason for f in i.flags)} for i in a.items]
    return pd.DataFrame(rows, columns=ITEM_COLUMNS)


def dimensions_frame(a: Analysis) -> pd.DataFrame:
    rows = [{"活动": d.activity, "维度": d.dimension, "方法": d.method,
             "一致性": _share(d.value), "学员数": d.trainees,
             "需复查": d.flag.reason if d.flag else ""} for d in a.dimensions]
    return pd.DataFrame(rows, columns=["活动", "维度", "方法", "一致性", "学员数", "需复查"])


def review_frame(a: Analysis) -> pd.DataFrame:
    return pd.DataFrame(to_review(a), columns=["需复查的题目", "原因"])


def text(a: Analysis) -> str:
    """What the terminal shows: the short list, then a line of totals."""
    review = to_review(a)
    weak = sum(1 for i in a.items if any(f.kind == "weak" for f in i.flags))
    lines = [_("{sessions} 场工作坊,{items} 个题目/案例维度(其中 {answered} 个有 10 人以上作答)。"
               ).format(sessions=a.sessions, items=len(a.items),
                        answered=sum(1 for i in a.items if i.stats.n >= 10))]
    lines += [_("需要复查:")] + [f"  {k}. " + _("{what}:{why}").format(what=what, why=why)
                                for k, (what, why) in enumerate(review, 1)] if review else [
        _("没有需要复查的题目。")]
    if weak:
        lines.append(_("另有 {count} 个题目区分度低(D < 0.20),见导出的表格。").format(count=weak))
    return "\n".join(lines)
