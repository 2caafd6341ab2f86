"""Following the instructor: which activity a trainee sees, and the countdown. Pure functions."""

from __future__ import annotations

from collections.abc import Mapping

from kit.logic.phases import Phase


def current_activity(states: Mapping[str, Phase], changed: Mapping[str, float]) -> str | None:
    """The activity the instructor touched last, unless it is back to waiting."""
    live = [a for a, s in states.items() if s != Phase.WAITING]
    return max(live, key=lambda a: changed.get(a, 0.0)) if live else None


def seconds_left(timer_end: float | None, now: float,
                 paused_left: float | None = None) -> int | None:
    """Whole seconds left on the countdown, ``None`` without one."""
    if paused_left is not None:
        return max(0, round(paused_left))
    if timer_end is None:
        return None
    return max(0, round(timer_end - now))


def countdown(timer_end: float | None, now: float, paused_left: float | None = None) -> str:
    """``"04:12"`` left, ``"时间到"`` when over, ``""`` without a timer."""
    left = seconds_left(timer_end, now, paused_left)
    if left is None:
        return ""
    if left <= 0:
        return "时间到"
    return f"{left // 60:02d}:{left % 60:02d}"
