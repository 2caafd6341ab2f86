"""The projector page: what the room sees. Anonymous aggregates only; never the key or a token."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from kit.state.console import Board, Row, Timer

Screen = Literal["connecting", "invalid", "live"]


@dataclass(frozen=True)
class Showcase:
    """A draft the instructor puts on the projector, labelled without its author."""

    label: str
    sections: Mapping[str, str]


@dataclass(frozen=True)
class ProjectorState:
    screen: Screen = "connecting"
    code: str = ""
    title: str = ""
    join_url: str = ""
    """The trainee page with the code filled in: the QR code points here."""
    joined: int = 0
    activity: Row | None = None
    focus: int = 0
    board: Board | None = None
    showcase: Showcase | None = None
    timer: Timer = field(default_factory=Timer)
    message: str = ""
    names: bool = False
    rev: int = -1
    labels: Mapping[int, str] = field(default_factory=dict)
    """Draft author → 方案 #n (or the name, when the instructor turned names on)."""
