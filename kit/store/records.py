"""Plain, frozen records that the store hands out."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kit.logic.phases import Phase


@dataclass(frozen=True)
class Workshop:
    id: int
    code: str
    title: str
    modules: tuple[int, ...]
    rev: int
    message: str
    timer_end: float | None
    timer_label: str
    closed: bool
    created_at: float = 0.0
    instructor: str = ""


@dataclass(frozen=True)
class Participant:
    id: int
    workshop_id: int
    name: str
    group_no: int | None
    joined_at: float
    last_seen: float
    activity_id: str | None
    status: str
    staff_id: str = ""
    lang: str = ""
    """The UI language the trainee chose on the join form ('' is the server's default)."""


@dataclass(frozen=True)
class Submission:
    id: int
    activity_id: str
    item_id: str
    participant_id: int
    version: int
    payload: dict[str, Any]
    created_at: float
    group_no: int | None = None


@dataclass(frozen=True)
class LiveState:
    """What a trainee screen needs to follow the instructor: one read per change."""

    rev: int
    message: str
    timer_end: float | None
    timer_label: str
    states: dict[str, Phase]
    closed: bool
    changed: dict[str, float]
    timer_paused: float | None = None
    """Seconds left on a paused countdown."""
    focus: dict[str, int] | None = None
    """activity → the question the instructor puts on the projector."""
    showcase: tuple[str, int] | None = None
    """(activity, author) of the draft on the projector."""
    projector_names: bool = False
