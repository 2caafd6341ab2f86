"""What views may ask of their page: plain callbacks, grouped by activity kind.

A view never learns who answers (a controller, a test, the self-study cell). Actions that take
time receive a :data:`~kit.state.common.Done` to call when finished, so their button stays
disabled until then and a second tap does nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from kit.state.common import Done

Payload = Mapping[str, Any]


def _ignore(*_: Any) -> None:
    return None


def _finish(*args: Any) -> None:
    if args and callable(args[-1]):
        args[-1]()


@dataclass(frozen=True)
class WorkEvents:
    """Answering: classification, quizzes, polls and drafting."""

    change: Callable[[str, Payload], None] = _ignore
    """item id, work in progress (autosaved a moment later)."""
    submit: Callable[[str, Payload, Done], None] = _finish


@dataclass(frozen=True)
class GroupEvents:
    load_theirs: Callable[[], None] = _ignore
    save_mine: Callable[[str, Payload, Done], None] = _finish


@dataclass(frozen=True)
class ReviewEvents:
    calibrate: Callable[[Mapping[str, int], Done], None] = _finish
    start: Callable[[Done], None] = _finish
    review: Callable[[Mapping[str, int], str, Done], None] = _finish
    flag: Callable[[int, str, Done], None] = _finish


@dataclass(frozen=True)
class RoleplayEvents:
    choose: Callable[[int, str, Done], None] = _finish
    """reply index, what the trainee typed ("" when picked)."""
    replay: Callable[[Done], None] = _finish


@dataclass(frozen=True)
class TraineeEvents:
    join: Callable[[str, str, str, Done], None] = _finish
    language: Callable[[str], None] = _ignore
    """The trainee chose the UI language on the join form (kept with their token on joining)."""
    work: WorkEvents = WorkEvents()
    group: GroupEvents = GroupEvents()
    review: ReviewEvents = ReviewEvents()
    roleplay: RoleplayEvents = RoleplayEvents()


@dataclass(frozen=True)
class ConsoleEvents:
    login: Callable[[str, str, Done], None] = _finish
    create: Callable[[str, tuple[int, ...], str, Done], None] = _finish
    logout: Callable[[Done], None] = _finish
    forget_key: Callable[[], None] = _ignore
    pace: Callable[[str, Any, Done], None] = _finish
    """activity id, the new :class:`~kit.logic.phases.Phase`."""
    show: Callable[[str], None] = _ignore
    names: Callable[[bool], None] = _ignore
    timer: Callable[[int, str, Done], None] = _finish
    stop_timer: Callable[[Done], None] = _finish
    pause_timer: Callable[[bool, Done], None] = _finish
    broadcast: Callable[[str, Done], None] = _finish
    group: Callable[[str, int, Done], None] = _finish
    move: Callable[[int | None, int | None, Done], None] = _finish
    override: Callable[[str, int | None, str, int, Done], None] = _finish
    export: Callable[[str, bool, Done], None] = _finish
    focus: Callable[[str, int, Done], None] = _finish
    showcase: Callable[[str, int | None, Done], None] = _finish
    projector_names: Callable[[bool, Done], None] = _finish
    projector_link: Callable[[Done], None] = _finish
    language: Callable[[str], None] = _ignore
    """The console's own UI language (kept in the instructor's browser)."""
