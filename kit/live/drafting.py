"""Group drafting: one draft per group, members save in turn, conflicts shown, nothing lost.

Each save names the version the member started from. If another member saved in between, the
save is refused, the member's text stays in the editor, and they choose: load the other
version (their own text stays on screen) or save theirs on top. Every version stays in the store.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from kit.content import Course
from kit.i18n import _
from kit.state.common import Done, Note, Seat, noop
from kit.state.drafting import Conflict, GroupState
from kit.store import Store, groupwork, participants, work

if TYPE_CHECKING:
    from kit.live.trainee import TraineeController


def group_of(course: Course, activity_id: str, seat: Seat) -> int | None:
    """The group whose shared draft this member edits, if the activity is a group draft."""
    act = course.activity(activity_id)
    return seat.group_no if act.kind == "draft" and getattr(act, "group", False) else None


def restore(store: Store, course: Course, seat: Seat, activity_id: str,
            group_no: int) -> tuple[dict[str, dict[str, Any]], GroupState]:
    """The group's latest version, with this member's unsent edits on top if still current."""
    item = course.activity(activity_id).cases[0]  # type: ignore[union-attr]
    latest = groupwork.group_latest(store, seat.workshop_id, activity_id, item, group_no)
    base = latest.version if latest else 0
    mine = work.restore(store, seat.participant_id, activity_id).get(item, {})
    if mine and mine.get("base", 0) == base:
        return {item: mine}, GroupState(group_no, base)
    stale = mine.get("sections") if mine else None
    current = {item: {"sections": latest.payload.get("sections", {})}} if latest else {}
    return current, GroupState(group_no, base, stale=stale)


class GroupDrafting:
    def __init__(self, page: TraineeController) -> None:
        self.page = page

    @property
    def group(self) -> GroupState | None:
        act = self.page.state.activity
        return act.group if act is not None else None

    def submit(self, item_id: str, payload: Mapping[str, Any], done: Done = noop) -> None:
        page, seat, group, act = self.page, self.page.seat, self.group, self.page.state.activity
        if seat is None or group is None or act is None:
            return done()
        page.autosave.dirty.pop((act.id, item_id), None)
        sections = dict(payload.get("sections", {}))

        def save(store: Store) -> tuple[groupwork.GroupSave, str]:
            result = groupwork.submit_group(store, seat.workshop_id, seat.participant_id, act.id,
                                            item_id, group.group_no, {"sections": sections},
                                            group.base)
            if result.saved is not None:
                work.autosave(store, seat.participant_id, act.id, item_id,
                              {"sections": sections, "base": result.saved.version})
                return result, ""
            assert result.latest is not None
            return result, participants.get(store, result.latest.participant_id).name

        def then(found: tuple[groupwork.GroupSave, str]) -> None:
            result, who = found
            if result.saved is not None:
                self._set(replace(group, base=result.saved.version, conflict=None))
                page.note_item(item_id, Note(_("已保存为小组方案第 {version} 版。").format(
                                                 version=result.saved.version),
                                             "ok"))
                return
            other = result.latest
            assert other is not None
            theirs = other.payload.get("sections", {})
            self._set(replace(group, conflict=Conflict(who, other.version, theirs, sections)))
            page.note_item(item_id, Note(_("组员「{who}」在您编辑期间保存了第 {version} 版。"
                                           "您的修改没有覆盖对方,仍在编辑框中。").format(
                                             who=who, version=other.version), "error"))

        page.call(save, then, done, what="保存小组方案",
                  problem=lambda note: page.note_item(item_id, note))
        return None

    def load_theirs(self) -> None:
        """The member takes the other version into the editor; their own text stays shown."""
        group = self.group
        if group is not None and group.conflict is not None:
            c = group.conflict
            self._set(replace(group, base=c.version, conflict=None, stale=c.mine))

    def save_mine(self, item_id: str, payload: Mapping[str, Any], done: Done = noop) -> None:
        """Save this member's text as a new version on top of the other one."""
        group = self.group
        if group is not None and group.conflict is not None:
            self._set(replace(group, base=group.conflict.version, conflict=None))
        self.submit(item_id, payload, done)

    def _set(self, group: GroupState) -> None:
        self.page.set_activity(group=group)
