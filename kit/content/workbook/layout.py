"""Sheets, columns and the conventions of the workbook (documented in docs/content-format.md).

- One row per entry; the ``id`` column (or 编码 for labels) identifies it across round trips.
- Lists of codes, ids or module numbers are joined by ``;`` (a full-width ``；`` also reads).
- Lists of texts (关键事实, 来源, 模式) hold one entry per line of the cell.
- A case has one column per taxonomy dimension, headed ``名称[维度id]``, beside ``解析[维度id]``;
  model-plan sections are ``示范方案[分节id]``.
- Quiz options are the columns 选项A, 选项B, …: the column letter is the option's code. A true/
  false item (题型 判断) has no option cells: its options are T 正确 and F 错误.
"""

from __future__ import annotations

import re
import string

SEP = ";"
SEPARATORS = re.compile(r"[;；]")
README, CASES, QUIZ, POLLS, DIMS, LABELS, RULES, LISTS = (
    "说明", "案例", "测验题", "投票题", "维度", "标签", "规则", "下拉选项")
DIM_HEADER = re.compile(r"^(?P<name>.*)\[(?P<id>[a-z][a-z0-9_]*)\]$")
EXPLAIN, PLAN = "解析", "示范方案"

CASE_FIXED = ("文件", "id", "类型", "标题", "模块", "难度", "案情", "关键事实")
CASE_TAIL = ("来源",)
OPTION_LETTERS = string.ascii_uppercase[:10]
MIN_OPTIONS = 6


def option_header(letter: str) -> str:
    return f"选项{letter}"


def item_headers(options: int, quiz: bool) -> tuple[str, ...]:
    head = ("文件", "id", "模块", "主题", "题型", "题干") if quiz else (
        "id", "模块", "主题", "题型", "题干")
    tail = ("答案", "解析", "出处", "草稿") if quiz else ("解析", "出处", "草稿")
    return (*head, *(option_header(c) for c in OPTION_LETTERS[:options]), *tail)


DIM_HEADERS = ("id", "名称", "说明", "选择方式", "互斥标签")
LABEL_HEADERS = ("维度", "编码", "名称", "说明")
RULE_HEADERS = ("规则集", "规则集名称", "适用模板", "规则", "类型", "标题", "提示", "模式",
                "正则", "分节", "出处", "级别")

#: Enumerations: stored value → what the workbook shows (either is read back).
CASE_KINDS = {"complaint": "投诉案例", "copy": "营销文案", "scene": "情景任务"}
CHOICES = {"single": "单选", "multi": "多选"}
TRUE_FALSE = "判断"
TF_OPTIONS = (("T", "正确"), ("F", "错误"))
RULE_KINDS = {"avoid": "避免", "require": "必备"}
SEVERITIES = {"warn": "警示", "info": "提示"}
YES, NO = "是", "否"

WIDTHS = {"案情": 60, "题干": 50, "提示": 50, "标题": 24, "说明": 40, "模式": 30, "来源": 40,
          "关键事实": 40, "出处": 30, "解析": 40, "名称": 20}
SPARE_ROWS = 300
"""Dropdowns reach this many rows below the last entry, for new rows."""
