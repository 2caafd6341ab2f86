"""Peer review on a trainee's screen: calibrate, review drafts blind, then read the feedback."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal


def allocation_item(allocation_id: int) -> str:
    """The autosave item of the rubric picks and comment for one allocated draft."""
    return f"alloc-{allocation_id}"


def calibration_item(exemplar_id: str) -> str:
    """The autosave item of the picks on a calibration exemplar."""
    return f"calib-{exemplar_id}"


Step = Literal["waiting", "calibrate", "review", "done", "closed", "feedback", "solo"]


@dataclass(frozen=True)
class CalibrationResult:
    mine: Mapping[str, int]
    instructor: Mapping[str, int]
    deviation: float | None
    comment: str


@dataclass(frozen=True)
class Calibrating:
    exemplar_id: str
    sections: Mapping[str, str]
    scores: Mapping[str, int]
    """Picks restored from autosave (or made before a reload)."""
    result: CalibrationResult | None = None


@dataclass(frozen=True)
class Reviewing:
    allocation_id: int
    sections: Mapping[str, str]
    scores: Mapping[str, int]
    comment: str


@dataclass(frozen=True)
class CriterionResult:
    name: str
    value: str
    by_instructor: bool


@dataclass(frozen=True)
class Comment:
    review_id: int
    text: str
    flag: str | None = None


@dataclass(frozen=True)
class Feedback:
    reviews: int
    criteria: tuple[CriterionResult, ...]
    comments: tuple[Comment, ...]


@dataclass(frozen=True)
class ReviewState:
    step: Step
    done: int = 0
    target: int = 0
    """min(reviews asked, drafts this reviewer may review): done when ``done == target``."""
    calibrating: Calibrating | None = None
    reviewing: Reviewing | None = None
    feedback: Feedback | None = None
