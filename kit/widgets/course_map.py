"""The landing page: seven modules, their activities and durations, links to each notebook."""

from __future__ import annotations

from pathlib import Path

import ipywidgets as W

from kit.content import Course, Module
from kit.i18n import N_, _, current, title_of
from kit.widgets._base import esc

KINDS = {"classify": N_("案例分类"), "quiz": N_("测验"), "poll": N_("投票"),
         "draft": N_("方案撰写"), "peer_review": N_("同伴互评"), "roleplay": N_("情景演练")}
NUMERALS = "一二三四五六七"


def kind_name(kind: str) -> str:
    """An activity kind in the page's language."""
    return _(KINDS[kind]) if kind in KINDS else kind


def module_heading(module: Module) -> str:
    """模块一、…; in English, Module 1: …"""
    numeral = NUMERALS[module.number - 1] if current() == "zh" else str(module.number)
    return _("{numeral}、{title}").format(numeral=numeral, title=esc(title_of(module)))


def _module_html(module: Module, repo: Path) -> str:
    minutes = sum(a.time_limit_min for a in module.activities)
    title = module_heading(module)
    if (repo / module.notebook).exists():
        title = f'<a href="../{esc(module.notebook)}">{title}</a>'
    items = "".join(_("<li>{kind}:{title}({minutes} 分钟)</li>").format(
        kind=esc(kind_name(a.kind)), title=esc(title_of(a)), minutes=a.time_limit_min)
        for a in module.activities)
    count = _("{n} 个活动,约 {minutes} 分钟").format(n=len(module.activities), minutes=minutes)
    return (f'<div class="kit-card"><div class="kit-big">{title}</div><div>{count}</div>'
            f"<ul>{items}</ul></div>")


def course_map(course: Course, repo: Path) -> W.VBox:
    header = W.HTML(_("<h2>银行消费者权益保护与投诉处理技巧 · 课程地图</h2>"
                    "<p>点击模块名称进入该模块。讲师请使用讲师控制台开始现场练习。</p>"))
    cards = [W.HTML(_module_html(m, repo)) for m in sorted(course.modules, key=lambda m: m.number)]
    return W.VBox([header, *cards], layout=W.Layout(max_width="900px"))


def module_plan(course: Course, number: int) -> W.HTML:
    module = course.module(number)
    minutes = _("{minutes} 分钟")
    rows = "".join(
        f"<tr><td>{esc(kind_name(a.kind))}</td><td>{esc(title_of(a))}</td>"
        f"<td style='text-align:right'>{minutes.format(minutes=a.time_limit_min)}</td></tr>"
        for a in module.activities)
    head = _("本模块现场活动")
    return W.HTML(f"<div class='kit-card'><b>{head}</b><table>{rows}</table></div>")
