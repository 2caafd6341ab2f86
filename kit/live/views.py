"""Which view shows an activity. Each kind of activity has one view class."""

from __future__ import annotations

from typing import Any, Protocol

import ipywidgets as W

from kit.content import Course
from kit.live.seat import Seat
from kit.logic.questions import for_activity


class ActivityView(Protocol):
    activity_id: str

    def apply_state(self, state: str) -> None: ...

    def flush(self, now: float | None = None, debounce: float = 1.0) -> int: ...


class Unsupported(W.VBox):
    """An activity kind this version cannot run on screens: said plainly, not faked."""

    def __init__(self, activity_id: str, title: str) -> None:
        self.activity_id = activity_id
        super().__init__([W.HTML(f"<h3>{title}</h3><p>本活动请按讲师指示在线下完成。</p>")])

    def apply_state(self, state: str) -> None:
        pass

    def flush(self, now: float | None = None, debounce: float = 1.0) -> int:
        return 0


def make_view(course: Course, activity_id: str, seat: Seat | None) -> Any:
    act = course.activity(activity_id)
    if act.kind in ("classify", "quiz", "poll"):
        from kit.widgets.classify import ClassifyView

        return ClassifyView(act.id, act.title, for_activity(course, act.id), seat)
    if act.kind == "draft":
        from kit.widgets.draft import DraftView

        return DraftView(course, act.id, seat)
    if act.kind == "peer_review":
        from kit.widgets.review import ReviewView

        return ReviewView(course, act.id, seat)
    return Unsupported(act.id, act.title)
