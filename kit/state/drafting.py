"""Group drafting on a trainee's screen: whose version the editor holds, and any conflict."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Conflict:
    """Another member saved while this one was editing: both texts are kept."""

    who: str
    version: int
    theirs: Mapping[str, str]
    mine: Mapping[str, str]


@dataclass(frozen=True)
class GroupState:
    group_no: int
    base: int
    """The group version this member's editor started from (0: none yet)."""
    conflict: Conflict | None = None
    stale: Mapping[str, str] | None = None
    """This member's unsent text from before another member saved (shown, not lost)."""
