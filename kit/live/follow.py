"""Pure helpers for following the instructor: which activity to show, the countdown text."""

from __future__ import annotations

from collections.abc import Mapping


def current_activity(states: Mapping[str, str], changed: Mapping[str, float]) -> str | None:
    """The activity the instructor touched last, unless it is back to waiting."""
    live = [a for a, s in states.items() if s != "waiting"]
    return max(live, key=lambda a: changed.get(a, 0.0)) if live else None


def countdown(timer_end: float | None, now: float) -> str:
    """``"04:12"`` left, ``"时间到"`` when over, ``""`` without a timer."""
    if timer_end is None:
        return ""
    left = round(timer_end - now)
    if left <= 0:
        return "时间到"
    return f"{left // 60:02d}:{left % 60:02d}"
