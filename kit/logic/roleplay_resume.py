"""A practice rebuilt from stored attempts, and the attempt to store after a move. Pure.

Stored attempts come back oldest first with a finished flag. The last one, if unfinished, is
the play in progress: its replies are played again from the start, so the screen is exactly
where the trainee (or the group's driver) left it. Finished and abandoned attempts stay kept.
"""

from __future__ import annotations

from collections.abc import Sequence

from kit.content.scenario_models import Scenario
from kit.logic.roleplay_play import Attempt, PlayState, Practice, attempt, begin, choose


def replay_steps(scenario: Scenario, played: Attempt) -> PlayState:
    """The state after ``played``'s replies; ``ValueError`` if the scenario no longer fits."""
    state = begin(scenario)
    for step in played.steps:
        if state.node != step.node:
            raise ValueError(f"情景已修改:第 {played.number} 次演练的节点 {step.node} 对不上")
        state = choose(scenario, state, step.choice, step.said)
    return state


def resume(scenario: Scenario, stored: Sequence[tuple[Attempt, bool]]) -> Practice:
    """The practice as the store has it: every attempt kept, the last unfinished one resumed."""
    kept = tuple(a for a, _ in stored)
    if not stored:
        return Practice.start(scenario)
    last, finished = stored[-1]
    try:
        state = replay_steps(scenario, last)
    except ValueError:
        return Practice(scenario, begin(scenario), kept)
    return Practice(scenario, state, kept if finished else kept[:-1])


def current(practice: Practice) -> tuple[Attempt, bool]:
    """The attempt being played (with its replies so far) and whether it has ended."""
    if practice.state.finished and practice.last is not None:
        return practice.last, True
    return attempt(practice.scenario, practice.state, len(practice.attempts) + 1), False
