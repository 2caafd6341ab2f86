"""The console's projector card: a link of its own (never the key), and names on or off."""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as W

from kit.i18n import N_, _
from kit.state.console import ConsoleState
from kit.state.events import ConsoleEvents
from kit.widgets._base import ActionButton, View, esc

HELP = (N_("投屏页只显示匿名的统计和讲师选定的内容,不显示讲师密钥;姓名默认不显示。"
        "用投屏电脑打开下面的链接;重新生成后,旧链接立即失效。"))


class ProjectorLink(View):
    def __init__(self, events: ConsoleEvents, copy: Callable[[str], None]) -> None:
        self.events, self._copy = events, copy
        self.url, self._quiet = "", False
        self.make = ActionButton(_("生成投屏链接"), events.projector_link,
                                 layout=W.Layout(width="auto"))
        self.copy_button = W.Button(description=_("复制链接"), layout=W.Layout(width="auto"))
        self.copy_button.on_click(lambda _: self._copy(self.url))
        self.names = W.Checkbox(description=_("投屏显示姓名"), value=False, indent=False)
        self.names.observe(lambda ch: self._names(bool(ch["new"])), "value")
        self.link = W.HTML()
        super().__init__([W.HTML(_("<h3>投屏</h3><small>{HELP}</small>").format(
                                     HELP=esc(_(HELP)))), self.link,
                          W.HBox([self.make, self.copy_button, self.names],
                                 layout=W.Layout(flex_flow="row wrap", align_items="center"))])

    def _names(self, on: bool) -> None:
        if not self._quiet:
            self.events.projector_names(on, lambda: None)

    def render(self, state: ConsoleState) -> None:
        if state.projector_url != self.url:
            self.url = state.projector_url
            self.make.description = _("重新生成投屏链接") if self.url else _("生成投屏链接")
            self.link.value = (_("<a class='kit-link' href='{url}' target='_blank' rel='noopener"
                                 "'>打开投屏页</a>").format(url=esc(self.url))) if self.url else ""
        self.copy_button.disabled = not self.url
        if self.names.value != state.projector_names:
            self._quiet = True
            try:
                self.names.value = state.projector_names
            finally:
                self._quiet = False
