"""Exports from the console: built in memory and handed to the instructor's browser only."""

from __future__ import annotations

import base64
import tempfile
from pathlib import Path

import ipywidgets as W

from kit.content import Course
from kit.store import Store
from kit.widgets._base import Notice, error_boundary, esc

FORMATS = (("xlsx", "下载 Excel 工作簿", "application/vnd.openxmlformats-officedocument."
            "spreadsheetml.sheet"), ("html", "下载打印报告(HTML)", "text/html"),
           ("record", "下载培训记录(CSV)", "text/csv"))


class ExportPanel(W.VBox):
    def __init__(self, course: Course, store: Store, code: str, key: str) -> None:
        self.course, self.store, self.code, self._key = course, store, code, key
        self.anonymise = W.Checkbox(description="以化名代替姓名", value=False, indent=False)
        buttons = []
        for fmt, text, _ in FORMATS:
            button = W.Button(description=text, layout=W.Layout(width="auto"))
            button.on_click(lambda _, f=fmt: self.build(f))
            buttons.append(button)
        self.link, self.notice = W.HTML(), Notice()
        super().__init__([W.HTML("<h3>导出</h3><small>导出文件含学员个人信息,只下载到本机,"
                                 "不在服务器上留存。</small>"), self.anonymise,
                          W.HBox(buttons, layout=W.Layout(flex_flow="row wrap")),
                          self.notice, self.link])

    @error_boundary
    def build(self, fmt: str) -> None:
        from kit.reports.run import export

        mime = next(m for f, _, m in FORMATS if f == fmt)
        with tempfile.TemporaryDirectory() as tmp:
            suffix = {"xlsx": ".xlsx", "html": ".html", "record": ".csv"}[fmt]
            path = export(self.course, self.store, self.code, self._key, fmt,
                          Path(tmp) / f"{self.code}-{fmt}{suffix}", self.anonymise.value)
            data = base64.b64encode(path.read_bytes()).decode("ascii")
            name = path.name
        self.link.value = (f'<a download="{esc(name)}" href="data:{mime};base64,{data}">'
                           f"点击保存 {esc(name)}</a>")
        self.notice.show("已生成。", "ok")
