"""Rubrics and module activities."""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import Field

from kit.content.models import DimId, Frozen, HasEnglish, Id, Line, ModuleNo, Text


class Level(Frozen):
    score: int = Field(ge=0, le=100)
    name: Line


class Criterion(Frozen):
    id: Id
    name: Line
    descriptors: dict[int, Text] = Field(min_length=1)


class Rubric(Frozen):
    id: Id
    name: Line
    levels: tuple[Level, ...] = Field(min_length=2)
    criteria: tuple[Criterion, ...] = Field(min_length=1)

    @property
    def scores(self) -> tuple[int, ...]:
        return tuple(level.score for level in self.levels)


class RubricFile(Frozen):
    schema_version: Literal[1]
    rubrics: tuple[Rubric, ...] = Field(min_length=1)


class _Activity(HasEnglish):
    EN_FIELDS: ClassVar[frozenset[str]] = frozenset({"title", "intro"})
    id: Id
    title: Line
    time_limit_min: int = Field(default=10, ge=1, le=240)
    intro: Text | None = None


class ClassifyActivity(_Activity):
    kind: Literal["classify"]
    cases: tuple[Id, ...] = Field(min_length=1)
    dimensions: tuple[DimId, ...] = Field(min_length=1)


class QuizActivity(_Activity):
    kind: Literal["quiz"]
    items: tuple[Id, ...] = Field(min_length=1)


class PollActivity(_Activity):
    kind: Literal["poll"]
    items: tuple[Id, ...] = Field(min_length=1)


class DraftActivity(_Activity):
    kind: Literal["draft"]
    cases: tuple[Id, ...] = Field(min_length=1)
    template: Id
    group: bool = False


class PeerReviewActivity(_Activity):
    kind: Literal["peer_review"]
    of: Id
    rubric: Id
    reviews_per_reviewer: int = Field(default=3, ge=1, le=10)
    calibration: bool = False


class RoleplayActivity(_Activity):
    """A role-play (情景演练) of one scenario from ``data/scenarios/``."""

    kind: Literal["roleplay"]
    scenario: Id
    group: bool = False
    """Played in the room's groups: one member drives, the group's path is recorded."""


Activity = Annotated[
    ClassifyActivity | QuizActivity | PollActivity | DraftActivity | PeerReviewActivity
    | RoleplayActivity,
    Field(discriminator="kind"),
]


class Module(HasEnglish):
    number: ModuleNo
    title: Line
    notebook: Line
    activities: tuple[Activity, ...] = ()
    pass_mark: int | None = Field(default=None, ge=1, le=100)
    """Percentage of the module score that earns a certificate; no certificate without it."""


class ModuleFile(Frozen):
    schema_version: Literal[1]
    modules: tuple[Module, ...] = Field(min_length=1)
