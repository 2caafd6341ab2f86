"""What a trainee answers: a question with one or more dimensions, built from content.

A case asks several taxonomy dimensions; a quiz item asks one dimension with a key; a poll asks
one dimension without a key. One model serves all three, so one widget does too.
"""

from __future__ import annotations

from dataclasses import dataclass

from kit.content import Case, Course, Dimension, Item
from kit.i18n import _, pick


@dataclass(frozen=True)
class Choice:
    code: str
    name: str
    description: str = ""


@dataclass(frozen=True)
class Ask:
    id: str
    name: str
    cardinality: str
    choices: tuple[Choice, ...]
    key: tuple[str, ...] | None = None
    explanation: str = ""
    exclusive: tuple[str, ...] = ()

    @property
    def graded(self) -> bool:
        return self.key is not None


@dataclass(frozen=True)
class Question:
    id: str
    title: str
    body: str
    facts: tuple[str, ...]
    asks: tuple[Ask, ...]
    difficulty: int = 1
    source: str = ""


def from_case(case: Case, dims: tuple[Dimension, ...]) -> Question:
    asks = tuple(Ask(d.id, d.name, d.cardinality,
                     tuple(Choice(lab.code, lab.name, lab.description) for lab in d.labels),
                     case.key.get(d.id), case.explanations.get(d.id, ""), d.exclusive)
                 for d in dims)
    return Question(case.id, pick(case.title, case.en, "title"), case.narrative, case.facts,
                    asks, case.difficulty,
                    ";".join(case.sources))


def from_item(item: Item) -> Question:
    en = item.en
    options = tuple(Choice(o.code, pick(o.text, en, o.code)) for o in item.options)
    ask = Ask("answer", _("作答"), item.choice, options, item.answer,
              pick(item.explanation or "", en, "explanation"))
    return Question(item.id, item.topic or "", pick(item.question, en, "question"), (), (ask,),
                    1, item.source or "")


def for_activity(course: Course, activity_id: str) -> tuple[Question, ...]:
    """The questions of a classify, quiz or poll activity, in content order."""
    act = course.activity(activity_id)
    if act.kind == "classify":
        dims = tuple(course.dimension(d) for d in act.dimensions)
        return tuple(from_case(course.cases[c], dims) for c in act.cases)
    if act.kind in ("quiz", "poll"):
        pool = course.quizzes if act.kind == "quiz" else course.polls
        return tuple(from_item(pool[i]) for i in act.items)
    raise ValueError(f"{activity_id} 不是分类、测验或投票活动")
