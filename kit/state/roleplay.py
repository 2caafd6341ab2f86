"""A role-play on a trainee's screen: the practice as stored, and who replies for a group."""

from __future__ import annotations

from dataclasses import dataclass

from kit.logic.roleplay_play import Practice
from kit.state.common import NO_NOTE, Note


@dataclass(frozen=True)
class RoleplayState:
    practice: Practice
    """Every attempt so far and the play in progress, as the store has them."""
    together: bool = False
    """The activity is played in groups (``group: true``)."""
    group_no: int | None = None
    """This trainee's group, when the group plays together."""
    driver: str = ""
    """Who replies for the group in the attempt on screen ("" while nobody has replied)."""
    driving: bool = True
    """This trainee may reply now (alone, the group's driver, or nobody drives yet)."""
    busy: bool = False
    """A reply is being saved: the buttons wait (a double click adds nothing)."""
    note: Note = NO_NOTE
