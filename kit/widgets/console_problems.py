"""The console's 问题 panel: what went wrong on any page of this workshop, newest first.

One line each (time, page, a Chinese summary); the traceback opens on click, here only."""

from __future__ import annotations

import time

import ipywidgets as W

from kit.i18n import N_, _
from kit.state.console import Problem
from kit.widgets._base import esc

ROLES = {"trainee": N_("学员页"), "console": N_("控制台"), "projector": N_("投屏页"),
         "cell": N_("模块页"), "page": N_("页面")}


def problem_html(p: Problem) -> str:
    when = time.strftime("%H:%M:%S", time.localtime(p.at))
    detail = (f"<details><summary>{esc(p.summary)}</summary><pre class='kit-trace'>"
              f"{esc(p.detail)}</pre></details>") if p.detail else esc(p.summary)
    return f"<li><b>{when}</b> {esc(_(ROLES[p.role]) if p.role in ROLES else p.role)}:{detail}</li>"


class Problems(W.HTML):
    value: str

    def render(self, problems: tuple[Problem, ...]) -> None:
        if problems:
            value = (_("<div class='kit-card kit-problems'><b>问题</b>(仅讲师可见)<ul>")
                     + "".join(problem_html(p) for p in problems[:20]) + "</ul></div>")
        else:
            value = ""
        if self.value != value:
            self.value = value
