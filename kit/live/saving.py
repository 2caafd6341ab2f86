"""A trainee's work reaching the store: autosave of work in progress, and submits.

A change is saved about a second after the last keystroke or tap, at once when the page says it
is being hidden, closed or left (``flush``), and once more when the kernel shuts down. A failed
save keeps the work on the page and in :attr:`dirty`, marks the activity 未保存, and is tried
again on the next tick.
"""

from __future__ import annotations

import time
import uuid
from typing import TYPE_CHECKING, Any

from kit.i18n import _
from kit.live.runner import Inline, Runner
from kit.state.common import Done, Note, noop
from kit.store import Store, participants, work

if TYPE_CHECKING:
    from kit.live.trainee import TraineeController

DEBOUNCE = 1.0
STATUS_EVERY = 15.0
Key = tuple[str, str]


class Autosave:
    def __init__(self, page: TraineeController) -> None:
        self.page = page
        self.dirty: dict[Key, tuple[dict[str, Any], float]] = {}
        self._writing = False
        self._status_at = 0.0

    def changed(self, activity_id: str, item_id: str, payload: dict[str, Any]) -> None:
        self.dirty[(activity_id, item_id)] = (payload, time.monotonic())

    def due(self, force: bool) -> dict[Key, dict[str, Any]]:
        now = time.monotonic()
        return {k: p for k, (p, t) in self.dirty.items() if force or now - t >= DEBOUNCE}

    def flush(self, force: bool = False, runner: Runner | None = None) -> int:
        """Save what is due (everything with ``force``); return how many items go out."""
        seat, due = self.page.seat, self.due(force)
        if seat is None or not due or (self._writing and runner is None):
            return 0
        sent = {k: self.dirty.pop(k) for k in due}
        status = time.monotonic() - self._status_at >= STATUS_EVERY
        self._writing = True

        def save(store: Store) -> None:
            for (activity_id, item_id), payload in due.items():
                work.autosave(store, seat.participant_id, activity_id, item_id, payload)
            if status:
                participants.touch(store, seat.participant_id, next(iter(due))[0], "working")

        def then(_: None) -> None:
            self._writing = False
            if status:
                self._status_at = time.monotonic()
            self.page.set_activity(saved_at=self.page.now(), unsaved=False)

        def failed(note: Note) -> None:
            self._writing = False
            for key, entry in sent.items():
                self.dirty.setdefault(key, entry)  # a newer change wins
            self.page.set_activity(unsaved=True)
            self.page.on_problem(note)

        self.page.call(save, then, what="自动保存", runner=runner, problem=failed)
        return len(due)

    def flush_now(self) -> int:
        """Everything, synchronously: the kernel is shutting down."""
        return self.flush(force=True, runner=Inline())

    def submit(self, item_id: str, payload: dict[str, Any], done: Done = noop) -> None:
        page, act, seat = self.page, self.page.state.activity, self.page.seat
        if act is None or seat is None:
            return done()
        if act.group is not None:
            return page.drafting.submit(item_id, payload, done)
        self.dirty.pop((act.id, item_id), None)

        def save(store: Store) -> int:
            sub = work.submit(store, seat.workshop_id, seat.participant_id, act.id, item_id,
                              payload, uuid.uuid4().hex)
            work.autosave(store, seat.participant_id, act.id, item_id, payload)
            participants.touch(store, seat.participant_id, act.id, "submitted")
            return sub.version

        def then(version: int) -> None:
            text = _("已提交(第 {version} 版),关闭前仍可修改后重新提交。").format(version=version)
            page.note_item(item_id, Note(text, "ok"))

        page.call(save, then, done, what="提交",
                  problem=lambda note: page.note_item(item_id, note))
        return None
