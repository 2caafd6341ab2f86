"""Grading a classification, dimension by dimension, with partial credit.

Rule (also in the trainee help): a single-choice dimension scores 1 when the choice equals the
key, else 0. A multiple-choice dimension scores the Jaccard index |chosen ∩ key| / |chosen ∪ key|:
every correct label counts, every missed or extra label costs. An empty answer scores 0.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from kit.i18n import N_
from kit.logic.questions import Ask, Question

Answer = Mapping[str, Iterable[str]]
HELP = N_("评分规则：单选维度选对得 1 分，选错得 0 分；多选维度按“交集 ÷ 并集”计分"
        "（Jaccard 指数），每漏选或多选一个标签都会扣分；未作答得 0 分。"
        "「八项基本权利」选客户在投诉中主张受到侵害的权利，主张是否成立要核查后才知道；"
        "「客户诉求」只选客户明确提出的要求。")


@dataclass(frozen=True)
class DimResult:
    ask_id: str
    score: float
    chosen: frozenset[str]
    key: frozenset[str]

    @property
    def correct(self) -> bool:
        return self.score == 1.0

    @property
    def missed(self) -> frozenset[str]:
        return self.key - self.chosen

    @property
    def extra(self) -> frozenset[str]:
        return self.chosen - self.key


def score(chosen: Iterable[str], key: Iterable[str], cardinality: str) -> float:
    a, b = frozenset(chosen), frozenset(key)
    if not a or not b:
        return 0.0
    if cardinality == "single":
        return 1.0 if a == b else 0.0
    return len(a & b) / len(a | b)


def grade_ask(ask: Ask, chosen: Iterable[str]) -> DimResult | None:
    if ask.key is None:
        return None
    picked = frozenset(chosen)
    return DimResult(ask.id, score(picked, ask.key, ask.cardinality), picked, frozenset(ask.key))


def grade(question: Question, answer: Answer) -> dict[str, DimResult]:
    """ask id → result, for every graded dimension (polls have none)."""
    results = {}
    for ask in question.asks:
        result = grade_ask(ask, answer.get(ask.id, ()))
        if result is not None:
            results[ask.id] = result
    return results


def total(results: Mapping[str, DimResult]) -> float:
    return sum(r.score for r in results.values()) / len(results) if results else 0.0


def problem(ask: Ask, chosen: Iterable[str]) -> str | None:
    """A Chinese message if the choice breaks the dimension's rules, else ``None``."""
    picked = list(chosen)
    if ask.cardinality == "single" and len(picked) > 1:
        return f"「{ask.name}」只能选一项"
    if len(picked) > 1 and set(picked) & set(ask.exclusive):
        return f"「{ask.name}」中的“{'/'.join(ask.exclusive)}”不能与其他选项同时选择"
    return None
