"""A trainee's seat in a live workshop: what every store call of a trainee view needs."""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass, field
from typing import Any

from kit.store import Store, participants, work
from kit.store.records import Submission


@dataclass
class Seat:
    store: Store
    workshop_id: int
    participant_id: int
    status: str = "joined"
    _touched: float = field(default=0.0, repr=False)

    def submit(self, activity_id: str, item_id: str, payload: dict[str, Any]) -> Submission:
        sub = work.submit(self.store, self.workshop_id, self.participant_id, activity_id,
                          item_id, payload, uuid.uuid4().hex)
        self.mark(activity_id, "submitted")
        return sub

    def autosave(self, activity_id: str, item_id: str, payload: dict[str, Any]) -> None:
        work.autosave(self.store, self.participant_id, activity_id, item_id, payload)

    def restore(self, activity_id: str) -> dict[str, dict[str, Any]]:
        """Work in progress, else the last submission, per item."""
        saved = {k: s.payload for k, s in work.mine(self.store, self.participant_id,
                                                     activity_id).items()}
        saved.update(work.restore(self.store, self.participant_id, activity_id))
        return saved

    def group_no(self) -> int | None:
        return participants.get(self.store, self.participant_id).group_no

    def mark(self, activity_id: str | None, status: str, every: float = 0.0) -> None:
        """Tell the console what this trainee is doing (at most once per ``every`` s)."""
        now = time.monotonic()
        if status == self.status and now - self._touched < every:
            return
        self.status, self._touched = status, now
        participants.touch(self.store, self.participant_id, activity_id, status)
