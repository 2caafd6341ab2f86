"""The names of the exports' sheets and columns, marked for the catalogue.

Frames are built with Chinese column names, since code looks columns up by them (``accuracy``
groups ``分类作答`` by 活动 and 维度). :func:`translated` renames the known ones into the UI's
language where a table is written; names that come from the course (rubric criteria) and the
training record's stable English columns (docs/records.md) are left as they are.
"""

from __future__ import annotations

import pandas as pd

from kit.i18n import N_, _

SHEETS = (N_("名单与出勤"), N_("活动用时"), N_("分类作答"), N_("维度正确率"), N_("混淆表"),
          N_("一致性"), N_("方案"), N_("互评明细"), N_("互评成绩"), N_("评审者可靠性"),
          N_("测验题目分析"), N_("投票分布"), N_("情景演练"), N_("培训记录"))

COLUMNS = (
    # frames.py
    N_("姓名"), N_("工号"), N_("组号"), N_("加入时间"), N_("最后在线"), N_("在场分钟"),
    N_("状态"), N_("活动"), N_("首次提交"), N_("最后提交"), N_("用时(分钟)"), N_("提交次数"),
    N_("题目/案例"), N_("维度"), N_("选择"), N_("答案"), N_("得分"), N_("平均得分"),
    N_("作答人次"), N_("人次"), N_("方法"), N_("值"),
    # frames_more.py
    N_("分节"), N_("内容"), N_("规则提示"), N_("版本"), N_("评审者"), N_("作者"), N_("评语"),
    N_("标记"), N_("标准"), N_("同伴中位数"), N_("讲师改判"), N_("最终"), N_("评审数"),
    N_("与共识平均偏差"), N_("题号"), N_("题目"), N_("作答人数"), N_("难度(正确率)"),
    N_("区分度"), N_("选项"), N_("人数"),
    # analysis_tables.py
    N_("类型"), N_("区分度 D"), N_("点二列相关"), N_("选项(全体/高分组/低分组)"),
    N_("需复查"), N_("一致性"), N_("学员数"), N_("需复查的题目"), N_("原因"),
    # frames_roleplay.py (its skill columns are named there, see skill_name)
    N_("情景"), N_("学员"), N_("组"), N_("第几次"), N_("路径(回应序号)"), N_("经过的节点"),
    N_("情绪变化"), N_("结局"), N_("情绪强制结束"), N_("违规次数"), N_("已完成"), N_("开始"),
    N_("最后一步"),
)
_KNOWN = frozenset(SHEETS + COLUMNS)


def name(text: str) -> str:
    """A sheet or column name in the UI's language (one this module does not know: as is)."""
    return _(text) if text in _KNOWN else text


def translated(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with its known column names in the UI's language (the same frame in Chinese)."""
    names = {c: name(c) for c in frame.columns if isinstance(c, str)}
    if all(k == v for k, v in names.items()):
        return frame
    return frame.rename(columns=names)
