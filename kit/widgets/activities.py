"""Which view shows an activity. Each kind of activity has one view class."""

from __future__ import annotations

from typing import Protocol

from kit.content import Course
from kit.i18n import title_of
from kit.logic.questions import for_activity
from kit.state.activity import ActivityState
from kit.state.events import TraineeEvents


class ActivityView(Protocol):
    activity_id: str

    def render(self, state: ActivityState) -> None: ...


def make_view(course: Course, state: ActivityState,
              events: TraineeEvents | None) -> ActivityView:
    """The view for ``state``'s activity; ``events=None`` is self-study (nothing stored)."""
    act = course.activity(state.id)
    work = events.work if events is not None else None
    if act.kind in ("classify", "quiz", "poll"):
        from kit.widgets.classify import ClassifyView

        return ClassifyView(act.id, title_of(act), for_activity(course, act.id), work, state.saved,
                            poll=act.kind == "poll")
    if act.kind == "roleplay":  # live: the page's controller stores every reply
        from kit.widgets.roleplay import roleplay_view

        live = dict(on_choose=events.roleplay.choose, on_replay=events.roleplay.replay) \
            if events is not None else {}
        return roleplay_view(course, act.scenario, activity_id=act.id, **live)
    if act.kind == "draft":
        from kit.widgets.draft import DraftView

        return DraftView(course, act.id, work, events.group if events else None, state.saved)
    from kit.widgets.review import ReviewView

    return ReviewView(course, act.id, events.review if events else None, work)
