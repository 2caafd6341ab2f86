"""Group drafting: one draft per group, members edit in turn, conflicts shown, nothing lost.

Each save names the version it started from. If another member saved in between, the save is
refused, the member's text stays in the editor, and they choose: load the other version (their
own text is kept below) or save theirs on top. Every version stays in the store.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as W

from kit.store import groupwork, participants
from kit.widgets.draft_text import draft_html


def group_restore(view: Any, autosaved: dict[str, Any]) -> dict[str, Any]:
    """The group's latest version, with this member's unsent edits on top if still current."""
    latest = groupwork.group_latest(view.seat.store, view.seat.workshop_id, view.activity_id,
                               view.item_id)
    view.base = latest.version if latest else 0
    if autosaved and autosaved.get("base", 0) == view.base:
        return autosaved
    if autosaved:
        view.conflict.children = [W.HTML(
            "<div class='kit-banner'>组员在您离开后保存了新版本,编辑框中是小组最新版。"
            "您上次未提交的内容如下,可复制使用:</div>"
            + draft_html(view.template, autosaved.get("sections", {}), "我的未提交内容"))]
    return {"sections": latest.payload.get("sections", {})} if latest else {}


def group_submit(view: Any, texts: dict[str, str]) -> None:
    seat = view.seat
    result = groupwork.submit_group(seat.store, seat.workshop_id, seat.participant_id,
                               view.activity_id, view.item_id, {"sections": texts}, view.base)
    if result.saved is not None:
        view.base = result.saved.version
        seat.autosave(view.activity_id, view.item_id, {"sections": texts, "base": view.base})
        view.conflict.children = []
        view.notice.show(f"已保存为小组方案第 {view.base} 版。", "ok")
        return
    other = result.latest
    assert other is not None
    who = participants.get(seat.store, other.participant_id).name
    view.notice.show(f"组员「{who}」在您编辑期间保存了第 {other.version} 版。"
                     "您的修改没有覆盖对方,仍在编辑框中。", "error")
    load = W.Button(description="载入组员的版本")
    mine = W.Button(description="以我的版本保存为新版本")
    load.on_click(lambda _: _load_theirs(view, other, texts))
    mine.on_click(lambda _: _save_mine(view, other.version))
    view.conflict.children = [W.HTML(draft_html(view.template, other.payload.get(
        "sections", {}), f"组员「{who}」的第 {other.version} 版")), W.HBox([load, mine])]


def _load_theirs(view: Any, other: Any, mine: dict[str, str]) -> None:
    view.base = other.version
    view.fill(other.payload.get("sections", {}))
    view.conflict.children = [W.HTML(draft_html(view.template, mine, "我刚才的修改(已保留)"))]


def _save_mine(view: Any, version: int) -> None:
    view.base = version
    view.submit()
