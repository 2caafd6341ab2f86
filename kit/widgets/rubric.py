"""Scoring with a rubric: one row of level buttons per criterion, descriptors a tap away."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from kit.content import Rubric
from kit.logic.questions import Ask, Choice
from kit.widgets._base import View
from kit.widgets.choice import ChoiceInput


def criterion_asks(rubric: Rubric) -> list[Ask]:
    names = {level.score: level.name for level in rubric.levels}
    return [Ask(c.id, c.name, "single",
                tuple(Choice(f"L{s}", f"{s} {names[s]}", c.descriptors[s]) for s in rubric.scores))
            for c in rubric.criteria]


class RubricInput(View):
    def __init__(self, rubric: Rubric, on_change: Callable[[], None] | None = None) -> None:
        self.rubric = rubric
        self.inputs = {a.id: ChoiceInput(a, on_change) for a in criterion_asks(rubric)}
        super().__init__(list(self.inputs.values()))

    @property
    def scores(self) -> dict[str, int]:
        return {cid: int(inp.value[0][1:]) for cid, inp in self.inputs.items() if inp.value}

    def set_scores(self, scores: Mapping[str, int]) -> None:
        for cid, score in scores.items():
            if cid in self.inputs:
                self.inputs[cid].select([f"L{score}"])

    def missing(self) -> list[str]:
        return [c.name for c in self.rubric.criteria if c.id not in self.scores]

    def set_enabled(self, enabled: bool) -> None:
        for inp in self.inputs.values():
            inp.set_enabled(enabled)
