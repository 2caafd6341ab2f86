"""The state of one activity on a trainee's screen."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from kit.logic.phases import Phase
from kit.state.common import Note
from kit.state.drafting import GroupState
from kit.state.review import ReviewState
from kit.state.roleplay import RoleplayState


@dataclass(frozen=True)
class Tally:
    """A class's distribution on one question, shown after a poll is revealed."""

    counts: Mapping[str, int]
    answered: int


@dataclass(frozen=True)
class ActivityState:
    id: str
    kind: str
    phase: Phase
    saved: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    """item id → the work restored when the activity first showed (autosave, else last submit)."""
    notes: Mapping[str, Note] = field(default_factory=dict)
    """item id → the outcome of its last submit (version saved, or why not)."""
    saved_at: float | None = None
    """When work in progress last reached the store (the quiet 已保存 hh:mm:ss mark)."""
    unsaved: bool = False
    """The last autosave failed: the work is still on the page, not yet on the server."""
    tallies: Mapping[str, Tally] = field(default_factory=dict)
    """item id → the class's answers, for polls after reveal."""
    review: ReviewState | None = None
    group: GroupState | None = None
    roleplay: RoleplayState | None = None
    shown: int = 0
    """Counts each time the activity is put on the screen afresh (a view is built anew)."""
