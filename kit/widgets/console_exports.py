"""Exports from the console: built in memory, downloaded by the instructor's browser at once."""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as W

from kit.i18n import N_, _
from kit.state.common import Done
from kit.state.console import Download
from kit.state.events import ConsoleEvents
from kit.widgets._base import ActionButton, View

FORMATS = (("xlsx", N_("下载 Excel 工作簿")), ("html", N_("下载打印报告(HTML)")),
           ("pdf", N_("下载报告(PDF)")), ("record", N_("下载培训记录(CSV)")),
           ("certificates", N_("下载合格证书")))


class ExportPanel(View):
    def __init__(self, events: ConsoleEvents, deliver: Callable[[Download], None],
                 delivered: Download | None = None) -> None:
        self.events, self._deliver = events, deliver
        self.anonymise = W.Checkbox(description=_("以化名代替姓名"), value=False, indent=False)
        self.buttons = {fmt: ActionButton(_(text), self._exporter(fmt),
                                          layout=W.Layout(width="auto"))
                        for fmt, text in FORMATS}
        self.done = W.HTML()
        self._last = delivered  # a panel built again (new language) does not download twice
        super().__init__([W.HTML(_("<h3>导出</h3><small>导出文件含学员个人信息,只下载到本机,"
                                 "不在服务器上留存。</small>")), self.anonymise,
                          W.HBox(list(self.buttons.values()),
                                 layout=W.Layout(flex_flow="row wrap")), self.done])

    def _exporter(self, fmt: str) -> Callable[[Done], None]:
        return lambda done: self.events.export(fmt, bool(self.anonymise.value), done)

    def render(self, download: Download | None) -> None:
        if download is None or download is self._last:
            return
        self._last = download
        self._deliver(download)
        self.done.value = _("<small class='kit-ok'>已下载:{name}</small>").format(
                              name=download.name)
