"""What a trainee's role-play page reads: the attempts as stored, the trainee's or the group's.

Alone, the trainee's own attempts; in a group activity with the trainee in a group, the
group's attempts, who drives the one in progress, and whether this trainee may reply.
"""

from __future__ import annotations

from kit.content import Course
from kit.logic.roleplay_resume import resume
from kit.state.common import Seat
from kit.state.roleplay import RoleplayState
from kit.store import Store, roleplay, roleplay_groups
from kit.store.roleplay_groups import GroupPlay


def together(course: Course, activity_id: str) -> bool:
    act = course.activity(activity_id)
    return act.kind == "roleplay" and bool(getattr(act, "group", False))


def from_group(course: Course, activity_id: str, plays: list[GroupPlay], me: int,
               group_no: int) -> RoleplayState:
    """The group's practice; ``me`` may reply unless another member drives the current one."""
    scenario = course.scenarios[course.activity(activity_id).scenario]  # type: ignore[union-attr]
    practice = resume(scenario, [(g.play.attempt, g.play.finished) for g in plays])
    last = plays[-1] if plays else None
    playing = last is not None and not last.play.finished
    driver = last.driver if playing and last is not None else ""
    driving = not playing or (last is not None and last.play.participant_id == me)
    return RoleplayState(practice, True, group_no, driver, driving)


def restore(store: Store, course: Course, seat: Seat, activity_id: str) -> RoleplayState:
    """The role-play as stored for this trainee (or for their group)."""
    scenario = course.scenarios[course.activity(activity_id).scenario]  # type: ignore[union-attr]
    grouped = together(course, activity_id)
    if grouped and seat.group_no is not None:
        plays = roleplay_groups.of_group(store, seat.workshop_id, activity_id, seat.group_no)
        return from_group(course, activity_id, plays, seat.participant_id, seat.group_no)
    mine = roleplay.mine(store, seat.participant_id, activity_id)
    return RoleplayState(resume(scenario, [(p.attempt, p.finished) for p in mine]), grouped)
