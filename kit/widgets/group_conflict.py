"""A group draft's conflict: another member saved while this one was editing. Both texts stay
on screen; the member loads the other version or saves theirs on top. Nothing is lost."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import ipywidgets as W

from kit.content import Template
from kit.i18n import N_, _
from kit.state.common import Done
from kit.state.drafting import GroupState
from kit.state.events import GroupEvents
from kit.widgets._base import ActionButton, View, error_boundary, replace_children
from kit.widgets.draft_text import draft_html

STALE = (N_("<div class='kit-banner'>组员在您离开后保存了新版本,编辑框中是小组最新版。"
         "您上次未提交的内容如下,可复制使用:</div>"))


class GroupConflict(View):
    def __init__(self, template: Template, fill: Callable[[Mapping[str, str]], None],
                 sections: Callable[[], dict[str, str]], item_id: str,
                 events: GroupEvents) -> None:
        self.template, self._fill, self._sections = template, fill, sections
        self.item_id, self.events = item_id, events
        self.group: GroupState | None = None
        super().__init__()

    def render(self, group: GroupState | None) -> None:
        self.group = group
        parts: list[W.Widget] = []
        if group is not None and group.stale:
            mine = draft_html(self.template, group.stale, _("我的未提交内容"))
            parts.append(W.HTML(_(STALE) + mine))
        if group is not None and group.conflict is not None:
            c = group.conflict
            load = W.Button(description=_("载入组员的版本"), layout=W.Layout(width="auto"))
            load.on_click(lambda _: self.load_theirs())
            mine = ActionButton(_("以我的版本保存为新版本"), self._save_mine,
                                layout=W.Layout(width="auto"))
            parts += [W.HTML(draft_html(self.template, c.theirs,
                                        _("组员「{who}」的第 {version} 版").format(
                                            who=c.who, version=c.version))),
                      W.HBox([load, mine], layout=W.Layout(flex_flow="row wrap"))]
        replace_children(self, parts)

    @error_boundary
    def load_theirs(self) -> None:
        group = self.group
        if group is not None and group.conflict is not None:
            self._fill(group.conflict.theirs)
            self.events.load_theirs()

    @error_boundary
    def _save_mine(self, done: Done) -> None:
        self.events.save_mine(self.item_id, {"sections": self._sections()}, done)
