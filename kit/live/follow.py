"""What a trainee page reads from the store when the workshop moved on: one snapshot."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from kit.content import Course
from kit.live import drafting, roleplay_read
from kit.live.drafting import group_of
from kit.logic.pacing import current_activity
from kit.logic.phases import Phase
from kit.state.activity import Tally
from kit.state.common import Seat
from kit.state.drafting import GroupState
from kit.state.roleplay import RoleplayState
from kit.store import Store, participants, work, workshops
from kit.store.records import LiveState


@dataclass(frozen=True)
class Snapshot:
    live: LiveState
    activity_id: str | None
    phase: Phase
    group_no: int | None
    saved: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    """Filled when the activity is new to the page: the work to restore."""
    tallies: Mapping[str, Tally] = field(default_factory=dict)
    group: GroupState | None = None
    """For a group draft new to the page: whose version the editor starts from."""
    roleplay: RoleplayState | None = None
    """For a role-play new to the page: the attempts as stored (the trainee's or the group's)."""


def read_snapshot(store: Store, course: Course, seat: Seat, rev: int,
                  shown: str | None) -> Snapshot | None:
    """``None`` when nothing moved since ``rev`` (one primary-key read)."""
    wid = seat.workshop_id
    if store.read(lambda c: workshops.revision(c, wid)) == rev:
        return None
    live = workshops.live_state(store, wid)
    current = current_activity(live.states, live.changed)
    phase = live.states.get(current, Phase.WAITING) if current else Phase.WAITING
    group_no = participants.get(store, seat.participant_id).group_no
    saved: dict[str, dict[str, Any]] = {}
    group: GroupState | None = None
    played: RoleplayState | None = None
    if current and (current != shown or group_no != seat.group_no):  # new, or regrouped
        saved = restore(store, seat.participant_id, current)
        together = group_of(course, current, replace(seat, group_no=group_no))
        if together is not None:
            saved, group = drafting.restore(store, course, seat, current, together)
        if course.activity(current).kind == "roleplay":
            played = roleplay_read.restore(store, course, replace(seat, group_no=group_no), current)
    return Snapshot(live, current, phase, group_no, saved,
                    tallies(store, course, wid, current, phase), group, played)


def restore(store: Store, participant_id: int, activity_id: str) -> dict[str, dict[str, Any]]:
    """Work in progress, else the last submission, per item."""
    saved = {k: s.payload for k, s in work.mine(store, participant_id, activity_id).items()}
    saved.update(work.restore(store, participant_id, activity_id))
    return saved


def tallies(store: Store, course: Course, workshop_id: int, activity_id: str | None,
            phase: Phase) -> dict[str, Tally]:
    """The class's answers to a poll once its result is out (anonymous counts only)."""
    if activity_id is None or phase != Phase.REVEALED:
        return {}
    if course.activity(activity_id).kind != "poll":
        return {}
    counts: dict[str, dict[str, int]] = {}
    people: dict[str, set[int]] = {}
    for sub in work.latest(store, workshop_id, activity_id):
        per = counts.setdefault(sub.item_id, {})
        people.setdefault(sub.item_id, set()).add(sub.participant_id)
        for code in sub.payload.get("answer", {}).get("answer", []):
            per[code] = per.get(code, 0) + 1
    return {item: Tally(per, len(people[item])) for item, per in counts.items()}
