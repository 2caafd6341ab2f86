"""Is an activity's time limit long enough for what it asks? A rule of thumb, stated here.

Rule: a trainee needs the time to **read** the text (the case narrative and its key facts,
or the question and its options) at 300 Chinese characters a minute, plus **20 seconds for
each decision** (one quiz or poll item; one dimension of one case). An activity whose limit
is below that need is listed as short. Drafting and peer review are not judged by this rule:
their time goes on writing and reading others' work, not on a count of items.
"""

from __future__ import annotations

from dataclasses import dataclass

from kit.content import Activity, Course
from kit.i18n import N_

READ_CHARS_PER_MINUTE = 300
DECISION_SECONDS = 20
RULE = N_("所需时间 = 阅读(每分钟 {chars} 字)+ 每个作答决定 {seconds} 秒"
          "(一道题,或一个案例的一个维度);低于所需时间的活动列为时限偏短。撰写与互评不按此规则判断。")
"""The rule in words; format with ``chars=READ_CHARS_PER_MINUTE, seconds=DECISION_SECONDS``."""


@dataclass(frozen=True)
class TimeNeed:
    activity_id: str
    title: str
    module: int
    items: int
    decisions: int
    chars: int
    limit_min: int

    @property
    def needed_min(self) -> float:
        return self.chars / READ_CHARS_PER_MINUTE + self.decisions * DECISION_SECONDS / 60

    @property
    def short(self) -> bool:
        return self.needed_min > self.limit_min


def need(course: Course, module: int, act: Activity) -> TimeNeed | None:
    """The reading and decisions of a classify, quiz or poll activity; None for the others."""
    if act.kind == "classify":
        cases = [course.cases[c] for c in act.cases]
        chars = sum(len(c.narrative) + sum(map(len, c.facts)) for c in cases)
        return TimeNeed(act.id, act.title, module, len(cases), len(cases) * len(act.dimensions),
                        chars, act.time_limit_min)
    if act.kind in ("quiz", "poll"):
        pool = course.quizzes if act.kind == "quiz" else course.polls
        items = [pool[i] for i in act.items]
        chars = sum(len(i.question) + sum(len(o.text) for o in i.options) for i in items)
        return TimeNeed(act.id, act.title, module, len(items), len(items), chars,
                        act.time_limit_min)
    return None


def short_activities(course: Course) -> tuple[TimeNeed, ...]:
    """Every activity whose time limit is below what the rule says it needs."""
    found = (need(course, m.number, a) for m in course.modules for a in m.activities)
    return tuple(n for n in found if n is not None and n.short)
