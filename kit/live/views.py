"""Which view shows an activity. Each kind of activity has one view class."""

from __future__ import annotations

from typing import Any, Protocol

from kit.content import Course
from kit.live.seat import Seat
from kit.logic.questions import for_activity


class ActivityView(Protocol):
    activity_id: str

    def apply_state(self, state: str) -> None: ...

    def flush(self, now: float | None = None, debounce: float = 1.0) -> int: ...


def make_view(course: Course, activity_id: str, seat: Seat | None) -> Any:
    act = course.activity(activity_id)
    if act.kind in ("classify", "quiz", "poll"):
        from kit.widgets.classify import ClassifyView

        return ClassifyView(act.id, act.title, for_activity(course, act.id), seat)
    if act.kind == "roleplay":  # solo for now; the live, recorded version replaces it
        from kit.widgets.roleplay import roleplay_view

        return roleplay_view(course, act.scenario, activity_id=act.id)
    if act.kind == "draft":
        from kit.widgets.draft import DraftView

        return DraftView(course, act.id, seat)
    from kit.widgets.review import ReviewView

    return ReviewView(course, act.id, seat)
