"""Live role-play on a trainee's page: every reply stored, attempts restored after a reload.

Alone, each trainee plays their own attempts. In a group activity (``group: true``) with the
trainee in a group, the group plays one attempt at a time: the first member to reply drives
it, the others' screens follow it about once a second with a banner, and the group's path is
stored. After every write the flow adopts what the store holds (a refused or repeated write
changes nothing on screen that the store does not have).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from kit.i18n import _
from kit.live.roleplay_read import from_group, restore
from kit.logic.roleplay_play import Practice
from kit.logic.roleplay_resume import current
from kit.state.common import NO_NOTE, Done, Note, noop
from kit.state.roleplay import RoleplayState
from kit.store import Store, participants, roleplay, roleplay_groups
from kit.store.roleplay_groups import GroupPlay

if TYPE_CHECKING:
    from kit.live.trainee import TraineeController


class RoleplayFlow:
    def __init__(self, page: TraineeController) -> None:
        self.page = page
        self._following = False

    @property
    def state(self) -> RoleplayState | None:
        act = self.page.state.activity
        return act.roleplay if act is not None else None

    def _set(self, rp: RoleplayState) -> None:
        self.page.set_activity(roleplay=rp)

    def choose(self, index: int, said: str = "", done: Done = noop) -> None:
        rp, seat, act = self.state, self.page.seat, self.page.state.activity
        if rp is None or seat is None or act is None or rp.busy or not rp.driving:
            return done()
        try:
            moved = rp.practice.choose(index, said)
        except ValueError as exc:
            self._set(replace(rp, note=Note(str(exc), "error")))
            return done()
        attempt, finished = current(moved)
        self._set(replace(rp, busy=True, note=NO_NOTE))
        aid, cid = act.id, self.page.course

        def save(store: Store) -> RoleplayState:
            participants.touch(store, seat.participant_id, aid, "working")  # the roster: 作答中
            if rp.group_no is None:
                roleplay.save(store, seat.workshop_id, seat.participant_id, aid, attempt,
                              finished)
                return restore(store, cid, seat, aid)
            saved = roleplay_groups.save_group(store, seat.workshop_id, seat.participant_id,
                                               aid, rp.group_no, attempt, finished)
            plays = roleplay_groups.of_group(store, seat.workshop_id, aid, rp.group_no)
            new = from_group(cid, aid, plays, seat.participant_id, rp.group_no)
            if saved.saved:
                return new
            who = saved.current.driver
            return replace(new, note=Note(_("组员「{who}」已经在为本组操作,你的屏幕会跟着走。")
                                          .format(who=who), "info"))

        def failed(note: Note) -> None:
            now = self.state
            if now is not None:
                self._set(replace(now, busy=False, note=note))

        self.page.call(save, self._adopt, done, what="保存情景演练", problem=failed)
        return None

    def _adopt(self, new: RoleplayState) -> None:
        if self.state is not None:
            self._set(new)

    def replay(self, done: Done = noop) -> None:
        """Start again. Alone, nothing to store until the first reply; in a group, whoever
        replies first in the new attempt drives it (the others follow)."""
        rp = self.state
        if rp is None or rp.busy or not (rp.driving or rp.practice.state.finished):
            return done()
        practice = rp.practice.replay()
        self._set(replace(rp, practice=practice, driver="", driving=True, note=NO_NOTE))
        return done()

    def follow(self) -> None:
        """About once a second in a group role-play: the group's path as the store has it."""
        rp, seat, act = self.state, self.page.seat, self.page.state.activity
        if rp is None or seat is None or act is None or rp.group_no is None:
            return
        if self._following or rp.busy:
            return
        self._following = True
        aid, group_no = act.id, rp.group_no

        def read(store: Store) -> list[GroupPlay]:
            return roleplay_groups.of_group(store, seat.workshop_id, aid, group_no)

        def then(plays: list[GroupPlay]) -> None:
            self._following = False
            now = self.state
            if now is None or now.busy or now.group_no != group_no:
                return
            new = from_group(self.page.course, aid, plays, seat.participant_id, group_no)
            if not (_fresh_start(now.practice, new.practice) or _same(now, new)):
                self._set(new)

        def failed(_: Any) -> None:
            self._following = False

        self.page.call(read, then, what="跟随小组演练", problem=failed)


def _fresh_start(mine: Practice, stored: Practice) -> bool:
    """This member pressed 再来一次 and nobody has replied in the new attempt yet."""
    playing = bool(stored.state.steps) and not stored.state.finished
    return not mine.state.steps and len(mine.attempts) >= len(stored.attempts) + playing


def _same(a: RoleplayState, b: RoleplayState) -> bool:
    return (a.practice.attempts, a.practice.state, a.driver) == (
        b.practice.attempts, b.practice.state, b.driver)
