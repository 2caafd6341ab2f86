"""The landing page: seven modules, their activities and durations, links to each notebook."""

from __future__ import annotations

from pathlib import Path

import ipywidgets as W

from kit.content import Course, Module
from kit.widgets._base import esc

KINDS = {"classify": "案例分类", "quiz": "测验", "poll": "投票", "draft": "方案撰写",
         "peer_review": "同伴互评", "roleplay": "情景演练"}
NUMERALS = "一二三四五六七"


def _module_html(module: Module, repo: Path) -> str:
    minutes = sum(a.time_limit_min for a in module.activities)
    title = f"{NUMERALS[module.number - 1]}、{esc(module.title)}"
    if (repo / module.notebook).exists():
        title = f'<a href="../{esc(module.notebook)}">{title}</a>'
    items = "".join(f"<li>{esc(KINDS[a.kind])}:{esc(a.title)}({a.time_limit_min} 分钟)</li>"
                    for a in module.activities)
    return (f'<div class="kit-card"><div class="kit-big">{title}</div>'
            f"<div>{len(module.activities)} 个活动,约 {minutes} 分钟</div><ul>{items}</ul></div>")


def course_map(course: Course, repo: Path) -> W.VBox:
    header = W.HTML("<h2>银行消费者权益保护与投诉处理技巧 · 课程地图</h2>"
                    "<p>点击模块名称进入该模块。讲师请使用讲师控制台开始现场练习。</p>")
    cards = [W.HTML(_module_html(m, repo)) for m in sorted(course.modules, key=lambda m: m.number)]
    return W.VBox([header, *cards], layout=W.Layout(max_width="900px"))


def module_plan(course: Course, number: int) -> W.HTML:
    module = course.module(number)
    rows = "".join(f"<tr><td>{esc(KINDS[a.kind])}</td><td>{esc(a.title)}</td>"
                   f"<td style='text-align:right'>{a.time_limit_min} 分钟</td></tr>"
                   for a in module.activities)
    return W.HTML(f"<div class='kit-card'><b>本模块现场活动</b><table>{rows}</table></div>")
