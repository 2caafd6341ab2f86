"""The instructor console: what the presenter remote shows."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from kit.logic.phases import Phase
from kit.logic.roleplay_play import Attempt
from kit.state.common import NO_NOTE, Note

Screen = Literal["connecting", "login", "live", "unavailable"]


@dataclass(frozen=True)
class WorkshopInfo:
    id: int
    code: str
    title: str
    modules: tuple[int, ...]


@dataclass(frozen=True)
class Row:
    """One activity of the workshop, with its phase and how many took part."""

    activity_id: str
    title: str
    kind: str
    minutes: int
    phase: Phase
    answered: int


@dataclass(frozen=True)
class Person:
    id: int
    name: str
    group_no: int | None
    status: str
    """What they are doing in the current activity, in Chinese (已提交, 作答中, 空闲 …)."""


@dataclass(frozen=True)
class Problem:
    id: int
    at: float
    role: str
    summary: str
    detail: str


@dataclass(frozen=True)
class Answer:
    """One trainee's latest answer to one question: anonymous (a number, not a name)."""

    participant: int
    item_id: str
    answer: Mapping[str, list[str]]


@dataclass(frozen=True)
class ReviewRecord:
    id: int
    reviewer: int
    author: int
    scores: Mapping[str, int]
    comment: str
    flag: str | None


@dataclass(frozen=True)
class Board:
    """The live results of the activity on show: answers, or drafts and reviews."""

    activity_id: str
    phase: Phase
    answers: tuple[Answer, ...] = ()
    drafts: Mapping[int, Mapping[str, str]] = field(default_factory=dict)
    reviews: tuple[ReviewRecord, ...] = ()
    overrides: Mapping[tuple[int, str], int] = field(default_factory=dict)
    calibrations: Mapping[int, float] = field(default_factory=dict)
    """reviewer → mean deviation from the calibration exemplar's scores."""
    names: Mapping[int, str] = field(default_factory=dict)
    """Filled only when the instructor turns names on."""
    plays: tuple[Attempt, ...] = ()
    """A role-play: each player's (or group's) latest attempt, anonymous."""
    groups: bool = False
    """A role-play played in groups: ``plays`` counts groups, not trainees."""


@dataclass(frozen=True)
class Timer:
    end: float | None = None
    label: str = ""
    paused_left: float | None = None


@dataclass(frozen=True)
class Download:
    """An export ready in the instructor's browser (never stored on the server)."""

    name: str
    mime: str
    data: str
    """Base64."""


@dataclass(frozen=True)
class ConsoleState:
    screen: Screen = "connecting"
    code: str = ""
    workshop: WorkshopInfo | None = None
    key_once: str | None = None
    """The instructor key right after creating a workshop: shown once, never again."""
    projector_url: str = ""
    rows: tuple[Row, ...] = ()
    current: str | None = None
    """The activity the trainees (and the projector) follow."""
    shown: str | None = None
    """The activity whose controls and results are on top: the last one the instructor
    touched or chose, else the current one."""
    boards: Mapping[str, Board] = field(default_factory=dict)
    """activity → its live results, for the activities the page shows."""
    people: tuple[Person, ...] = ()
    timer: Timer = Timer()
    message: str = ""
    problems: tuple[Problem, ...] = ()
    download: Download | None = None
    show_names: bool = False
    projector_names: bool = False
    notice: Note = NO_NOTE
    rev: int = -1
