"""The designers' preview gallery: shown in JupyterLab, or in Voilà to a browser that holds a
live console session (a trainee on the same network must not read the answer keys)."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

import ipywidgets as W

from kit.content import Course
from kit.i18n import N_, _
from kit.live.gate import GateController
from kit.live.runner import Runner
from kit.store import Store
from kit.widgets.bridge import PageBridge

CLOSED = (N_("<div class='kit-card' role='alert'>内容预览只对讲师和课程设计人员开放:"
             "请先在本浏览器中登录讲师控制台,再刷新本页。</div>"))


def in_voila() -> bool:
    return os.environ.get("SERVER_SOFTWARE", "").startswith("voila/")


def open_gallery(course: Course, store: Callable[[], Store], runner: Runner | None = None,
                 bridge: PageBridge | None = None, served: bool | None = None) -> W.VBox:
    from kit.widgets.gallery import Gallery

    bridge = bridge or PageBridge()
    if not (in_voila() if served is None else served):
        return W.VBox([bridge, Gallery(course)])
    gate = GateController(store, runner)
    page = W.VBox([bridge, W.HTML(_("<div class='kit-card'>正在核对……</div>"))])

    def show(change: dict[str, Any]) -> None:
        page.children = [bridge, Gallery(course) if change["new"] else W.HTML(_(CLOSED))]

    gate.observe(show, "open")
    bridge.observe(lambda ch: gate.start(dict(ch["new"] or {})), "stored")
    return page
