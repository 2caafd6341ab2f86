"""The trainee page: connecting, the join form, or the live screen that follows the instructor."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from kit.state.activity import ActivityState
from kit.state.common import NO_NOTE, Note, Seat

Screen = Literal["connecting", "join", "live", "unavailable"]


@dataclass(frozen=True)
class Header:
    message: str = ""
    timer_end: float | None = None
    timer_label: str = ""
    paused_left: float | None = None
    """Seconds left on a paused countdown (``timer_end`` is then ``None``)."""


@dataclass(frozen=True)
class TraineeState:
    screen: Screen = "connecting"
    code: str = ""
    """The join code to prefill (from the URL)."""
    hub_name: str = ""
    """Under JupyterHub: the name the trainee joins under (no name to type)."""
    seat: Seat | None = None
    header: Header = Header()
    activity: ActivityState | None = None
    notice: Note = NO_NOTE
    rev: int = -1
    lang: str = ""
    """The UI language the trainee chose ('': the server's default), kept with their token."""
