"""The quiet mark under an activity: when work in progress last reached the server."""

from __future__ import annotations

import time

import ipywidgets as W

from kit.i18n import _


def saved_text(saved_at: float | None, unsaved: bool) -> str:
    if unsaved:
        return (_("<small class='kit-error' role='status'>未保存:暂时连不上服务器,"
                "内容仍在页面上,稍后自动重试</small>"))
    if saved_at is None:
        return ""
    when = time.strftime("%H:%M:%S", time.localtime(saved_at))
    return _("<small class='kit-quiet' role='status'>已保存 {when}</small>").format(when=when)


class SavedMark(W.HTML):
    value: str

    def render(self, saved_at: float | None, unsaved: bool) -> None:
        value = saved_text(saved_at, unsaved)
        if self.value != value:
            self.value = value
