"""The rules of a role-play, as pure functions: mood, forced endings, points and scores.

- After a reply the mood becomes ``mood + reply.mood``.
- If the new mood reaches a break's threshold, the scenario ends at that break's ending, whatever
  the reply's ``next`` says; when several thresholds are reached, the highest wins. The mood is
  then recorded as at most 100: overshooting is how a customer storms out.
- Otherwise the mood must stay within 0–100: ``kit validate`` checks every path, so validated
  content never leaves it (play clamps anyway, so imported content cannot crash a page).
- A path's score is its ending's score plus the points of its replies, kept within 0–100:
  佳 +5, 可 0, 欠妥 −5, and a reply that breaks a rule (合规) −15.
"""

from __future__ import annotations

from dataclasses import dataclass

from kit.content.scenario_models import BREACH, MOOD_MAX, MOOD_MIN, Choice, Scenario

POINTS = {"good": 5, "fair": 0, "poor": -5}
BREACH_POINTS = -15
MOOD_WORDS = ((80, "激动"), (60, "生气"), (40, "不满"), (20, "缓和"), (0, "平静"))


@dataclass(frozen=True)
class Move:
    """Where a reply leads from a given mood."""

    mood: int
    target: str
    forced: bool
    """True when the mood forced an ending (``target`` is then that ending)."""


def choice_at(scenario: Scenario, node_id: str, index: int) -> Choice:
    """The reply ``index`` of node ``node_id`` (both known to exist in played data)."""
    node = scenario.node(node_id)
    if node is None or not 0 <= index < len(node.choices):
        raise ValueError(f"情景 {scenario.id} 中没有节点 {node_id!r} 的第 {index + 1} 个回应")
    return node.choices[index]


def points(choice: Choice) -> int:
    return BREACH_POINTS if BREACH in choice.skills else POINTS[choice.quality]


def forced_ending(scenario: Scenario, mood: int) -> str | None:
    """The ending a mood forces, if any (the highest threshold reached)."""
    reached = [b for b in scenario.breaks if mood >= b.at]
    return max(reached, key=lambda b: b.at).ending if reached else None


def move(scenario: Scenario, mood: int, choice: Choice) -> Move:
    """The mood after ``choice`` (not clamped) and where it leads."""
    after = mood + choice.mood
    forced = forced_ending(scenario, after)
    return Move(after, forced or choice.next, forced is not None)


def in_range(step: Move) -> bool:
    """Within 0–100, or above 100 only when the mood forced an ending."""
    return step.mood >= MOOD_MIN and (step.mood <= MOOD_MAX or step.forced)


def clamp(value: int, low: int = MOOD_MIN, high: int = MOOD_MAX) -> int:
    return max(low, min(high, value))


def path_score(ending_score: int, reply_points: int) -> int:
    return clamp(ending_score + reply_points, 0, 100)


def mood_word(mood: int) -> str:
    """A word for the mood, so that the gauge never relies on colour alone."""
    return next(word for low, word in MOOD_WORDS if mood >= low)
