"""Frozen, typed models of the course content under ``data/``.

Every widget and every piece of logic works on these models, never on raw dicts.
"""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

SCHEMA_VERSION = 1

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=64)]
DimId = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=40)]
Code = Annotated[str, StringConstraints(pattern=r"^[A-Z][A-Za-z0-9]*$", max_length=16)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=4000)]
Line = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
ModuleNo = Annotated[int, Field(ge=1, le=7)]
EnKey = Annotated[str, StringConstraints(pattern=r"^[A-Za-z][A-Za-z0-9_]*$", max_length=40)]
English = dict[EnKey, Text] | None
"""An optional English version of a few display fields (``en: {title: …}``): the UI shows it
when the page is in English and falls back to Chinese where a field is missing."""


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True,
                              defer_build=True)


class HasEnglish(Frozen):
    """A model with an optional ``en:`` mapping; only the fields named here may appear in it."""

    EN_FIELDS: ClassVar[frozenset[str]] = frozenset({"title"})
    en: English = None

    def en_fields(self) -> frozenset[str]:
        return self.EN_FIELDS

    @model_validator(mode="after")
    def _known_english(self) -> Self:
        unknown = sorted(set(self.en or {}) - self.en_fields())
        if unknown:
            allowed = "、".join(sorted(self.en_fields()))
            raise ValueError(f"en 中只能写这些字段的英文:{allowed};不认识:{'、'.join(unknown)}")
        return self


class Label(Frozen):
    code: Code
    name: Line
    description: Line


class Dimension(Frozen):
    id: DimId
    name: Line
    description: Line
    cardinality: Literal["single", "multi"]
    labels: tuple[Label, ...] = Field(min_length=2)
    exclusive: tuple[Code, ...] = ()
    """Codes that must stand alone in an answer (e.g. 未发现违规)."""

    def label(self, code: str) -> Label | None:
        return next((lab for lab in self.labels if lab.code == code), None)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(lab.code for lab in self.labels)


class Taxonomy(Frozen):
    schema_version: Literal[1]
    dimensions: tuple[Dimension, ...] = Field(min_length=1)


class Case(HasEnglish):
    id: Id
    kind: Literal["complaint", "copy", "scene"]
    title: Line
    modules: tuple[ModuleNo, ...] = Field(min_length=1)
    difficulty: Literal[1, 2, 3]
    narrative: Text
    facts: tuple[Line, ...] = ()
    key: dict[DimId, tuple[Code, ...]] = Field(min_length=1)
    explanations: dict[DimId, Text] = {}
    sources: tuple[Line, ...] = ()
    model_plan: dict[Id, Text] = {}


class CaseFile(Frozen):
    schema_version: Literal[1]
    cases: tuple[Case, ...] = Field(min_length=1)


class Option(Frozen):
    code: Code
    text: Line


class Item(HasEnglish):
    """A quiz question (with ``answer``) or a poll (without). Its ``en:`` may give the
    question, the explanation and each option's text by its code (``en: {question: …, A: …}``)."""

    EN_FIELDS: ClassVar[frozenset[str]] = frozenset({"question", "explanation"})

    id: Id
    module: ModuleNo | None = None
    topic: Line | None = None
    question: Text
    choice: Literal["single", "multi"]
    options: tuple[Option, ...] = Field(min_length=2)
    answer: tuple[Code, ...] | None = None
    explanation: Text | None = None
    source: Line | None = None
    draft: bool = False
    """Imported or unfinished: ``kit validate`` lists it until completed; no activity may use it."""

    def en_fields(self) -> frozenset[str]:
        return self.EN_FIELDS | {o.code for o in self.options}


class ItemFile(Frozen):
    schema_version: Literal[1]
    items: tuple[Item, ...] = Field(min_length=1)


class Section(Frozen):
    id: Id
    title: Line
    guidance: Text
    min_chars: int = Field(default=0, ge=0, le=5000)


class Template(Frozen):
    id: Id
    name: Line
    sections: tuple[Section, ...] = Field(min_length=1)


class TemplateFile(Frozen):
    schema_version: Literal[1]
    templates: tuple[Template, ...] = Field(min_length=1)
