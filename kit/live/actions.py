"""What the instructor does from the console: pace, show results, timer, message, groups,
moderation, the projector and exports. Each action is one store call off the loop, then a
refresh."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from kit.i18n import _
from kit.live.exports import export
from kit.logic.groups import balanced_groups, random_groups
from kit.logic.phases import Phase
from kit.logic.scores import participant_scores
from kit.state.common import Done, Note, noop
from kit.store import Store, activities, participants, peer, sessions, work, workshops

if TYPE_CHECKING:
    from kit.live.console import ConsoleController

PROJECTOR = "workshops/projector.ipynb"


class ConsoleActions:
    def __init__(self, page: ConsoleController) -> None:
        self.page = page
        self.shown: str | None = None
        """The activity whose results the console shows (the current one unless chosen)."""

    def _do(self, job: Callable[[Store, int], Any], done: Done, what: str,
            then: Callable[[Any], None] | None = None) -> None:
        ws = self.page.workshop
        if ws is None:
            return done()

        def after(result: Any) -> None:
            if then is not None:
                then(result)
            self.page.refresh()

        self.page.call(lambda store: job(store, ws.id), after, done, what=what)
        return None

    def pace(self, activity_id: str, phase: Phase | str, done: Done = noop) -> None:
        """Move an activity (open, close, reveal, back); its results come on show."""
        self.shown = activity_id
        self._do(lambda store, wid: activities.set_state(store, wid, activity_id, phase), done,
                 what="切换活动状态")

    def show(self, activity_id: str) -> None:
        self.shown = activity_id
        self.page.refresh()

    def names(self, on: bool) -> None:
        self.page.set(show_names=on)
        self.page.refresh()

    def timer(self, minutes: int, label: str = "", done: Done = noop) -> None:
        self._do(lambda store, wid: workshops.set_timer(store, wid, minutes * 60, label), done,
                 what="开始计时")

    def stop_timer(self, done: Done = noop) -> None:
        self._do(lambda store, wid: workshops.set_timer(store, wid, None), done, what="停止计时")

    def pause_timer(self, paused: bool, done: Done = noop) -> None:
        self._do(lambda store, wid: workshops.pause_timer(store, wid, paused), done,
                 what="暂停计时")

    def broadcast(self, message: str, done: Done = noop) -> None:
        note = Note(_("已发送") if message.strip() else _("已清除通知"), "ok")
        self._do(lambda store, wid: workshops.set_message(store, wid, message), done,
                 what="发送通知",
                 then=lambda _: self.page.on_problem(note))

    def group(self, how: str, size: int, done: Done = noop) -> None:
        """Groups of ``size``: at random, or balanced by the scores so far."""
        course = self.page.course

        def assign(store: Store, wid: int) -> None:
            people = [p.id for p in participants.roster(store, wid)]
            if how == "random":
                groups = random_groups(people, size)
            else:
                done_ = participant_scores(course, work.latest_all(store, wid))
                groups = balanced_groups({p: done_.get(p, 0.0) for p in people}, size)
            participants.set_groups(store, wid, dict(groups))

        self._do(assign, done, what="分组")

    def move(self, participant_id: int | None, group_no: int | None, done: Done = noop) -> None:
        if participant_id is None:
            self.page.on_problem(Note(_("请先选择学员"), "error"))
            return done()
        self._do(lambda store, wid: participants.set_groups(store, wid, {participant_id: group_no}),
                 done, what="调整分组")
        return None

    def override(self, activity_id: str, author: int | None, criterion: str, score: int,
                 done: Done = noop) -> None:
        """The instructor's score replaces the peers' median for one draft and criterion."""
        if author is None:
            self.page.on_problem(Note(_("请先在“投屏方案”中选择方案"), "error"))
            return done()
        self._do(lambda store, wid: peer.override(store, wid, activity_id, author, criterion,
                                                  score), done, what="改判",
                 then=lambda _done: self.page.on_problem(Note(_("已改判并记录。"), "ok")))
        return None

    def focus(self, activity_id: str, index: int, done: Done = noop) -> None:
        """Put question ``index`` of the activity on the projector."""
        self._do(lambda store, wid: activities.set_focus(store, wid, activity_id, index), done,
                 what="切换投屏题目")

    def showcase(self, activity_id: str, author: int | None, done: Done = noop) -> None:
        """Show one draft on the projector (anonymous unless names are on); ``None`` clears."""
        chosen = (activity_id, author) if author is not None else None
        self._do(lambda store, wid: workshops.set_projector(store, wid, showcase=chosen), done,
                 what="投屏展示方案")

    def projector_names(self, on: bool, done: Done = noop) -> None:
        self._do(lambda store, wid: workshops.set_projector(store, wid, names=on), done,
                 what="投屏显示姓名")

    def projector_link(self, done: Done = noop) -> None:
        """A new projector link (any earlier one stops working)."""
        page = self.page

        def make(store: Store, wid: int) -> str:
            sessions.revoke(store, wid, "projector")
            return sessions.issue(store, wid, "projector")

        def then(token: str) -> None:
            page.set(projector_url=f"{page.base.rstrip('/')}/voila/render/{PROJECTOR}?p={token}")

        self._do(make, done, what="生成投屏链接", then=then)

    def export(self, fmt: str, anonymise: bool, done: Done = noop) -> None:
        export(self.page, fmt, anonymise, done)
