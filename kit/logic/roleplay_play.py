"""Playing a scenario: start → choose → … → ending; each attempt kept as data.

State is replaced, never changed: every call returns a new :class:`Practice`. An attempt is
recorded when it reaches an ending, or when the trainee starts again before the end (then its
``ending`` is ``None``). Attempts carry no names: whoever stores them adds the identity.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from kit.content.scenario_models import Scenario
from kit.content.scenario_rules import choice_at, clamp, move, path_score, points
from kit.logic.roleplay_profile import Profile, profile


@dataclass(frozen=True)
class Step:
    node: str
    choice: int
    mood_before: int
    mood_after: int
    said: str = ""
    """What the trainee typed, when the reply was typed rather than picked."""


@dataclass(frozen=True)
class Attempt:
    scenario_id: str
    number: int
    steps: tuple[Step, ...]
    ending: str | None
    forced: bool
    score: int | None
    profile: Profile

    @property
    def mood_trace(self) -> tuple[int, ...]:
        return (self.steps[0].mood_before, *(s.mood_after for s in self.steps)) if self.steps \
            else ()

    @property
    def choices(self) -> tuple[int, ...]:
        return tuple(s.choice for s in self.steps)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON data (for the store and exports)."""
        return {"scenario": self.scenario_id, "number": self.number,
                "steps": [s.__dict__ for s in self.steps], "ending": self.ending,
                "forced": self.forced, "score": self.score, "mood": list(self.mood_trace),
                "profile": self.profile.to_dict()}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Attempt:
        return cls(data["scenario"], data["number"], tuple(Step(**s) for s in data["steps"]),
                   data["ending"], data["forced"], data["score"],
                   Profile.from_dict(data["profile"]))


@dataclass(frozen=True)
class PlayState:
    node: str | None
    """The node being played; ``None`` once an ending is reached."""
    mood: int
    steps: tuple[Step, ...] = ()
    ending: str | None = None
    forced: bool = False

    @property
    def finished(self) -> bool:
        return self.ending is not None


def begin(scenario: Scenario) -> PlayState:
    return PlayState(scenario.start, scenario.mood_start)


def choose(scenario: Scenario, state: PlayState, index: int, said: str = "") -> PlayState:
    """The state after reply ``index`` at the current node."""
    node = scenario.node(state.node or "")
    if node is None or state.finished:
        raise ValueError("这一轮演练已经结束")
    if not 0 <= index < len(node.choices):
        raise ValueError(f"没有第 {index + 1} 个回应")
    step = move(scenario, state.mood, node.choices[index])
    after = clamp(step.mood)
    steps = (*state.steps, Step(node.id, index, state.mood, after, said))
    if step.forced or scenario.ending(step.target) is not None:
        return PlayState(None, after, steps, step.target, step.forced)
    return PlayState(step.target, after, steps)


def reply_points(scenario: Scenario, steps: tuple[Step, ...]) -> int:
    return sum(points(choice_at(scenario, s.node, s.choice)) for s in steps)


def score(scenario: Scenario, state: PlayState) -> int | None:
    end = scenario.ending(state.ending or "")
    return path_score(end.score, reply_points(scenario, state.steps)) if end else None


def attempt(scenario: Scenario, state: PlayState, number: int) -> Attempt:
    return Attempt(scenario.id, number, state.steps, state.ending, state.forced,
                   score(scenario, state), profile(scenario, state.steps))


@dataclass(frozen=True)
class Practice:
    """One trainee's practice of one scenario: the current play and every attempt so far."""

    scenario: Scenario
    state: PlayState
    attempts: tuple[Attempt, ...] = ()

    @classmethod
    def start(cls, scenario: Scenario) -> Practice:
        return cls(scenario, begin(scenario))

    def choose(self, index: int, said: str = "") -> Practice:
        state = choose(self.scenario, self.state, index, said)
        done = (attempt(self.scenario, state, len(self.attempts) + 1),) if state.finished else ()
        return replace(self, state=state, attempts=(*self.attempts, *done))

    def replay(self) -> Practice:
        """Start again; an unfinished play with at least one reply is kept as an attempt."""
        keep = () if self.state.finished or not self.state.steps else (
            attempt(self.scenario, self.state, len(self.attempts) + 1),)
        return Practice(self.scenario, begin(self.scenario), (*self.attempts, *keep))

    @property
    def last(self) -> Attempt | None:
        return self.attempts[-1] if self.attempts else None


def play_path(scenario: Scenario, choices: tuple[int, ...]) -> PlayState:
    """The state after the given replies from the start (e.g. to show the best path)."""
    state = begin(scenario)
    for index in choices:
        state = choose(scenario, state, index)
    return state
