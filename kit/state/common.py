"""Pieces every page state uses: a notice, a seat, the completion callback of an action."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

Done = Callable[[], None]
"""Called on the kernel's loop when an action has finished, well or not (buttons re-enable)."""

NoticeKind = Literal["info", "ok", "error"]


@dataclass(frozen=True)
class Note:
    """A one-line message for the person at the page; always escaped when shown."""

    text: str = ""
    kind: NoticeKind = "info"


NO_NOTE = Note()


@dataclass(frozen=True)
class Seat:
    """Who a trainee page belongs to, once joined."""

    workshop_id: int
    participant_id: int
    name: str
    title: str
    code: str
    group_no: int | None = None


def noop() -> None:
    """A :data:`Done` for callers that do not wait."""
