"""Role-play scenarios (情景演练): nodes with the customer's line, replies that move the
customer's mood (情绪 0 平静 … 100 激动), and scored endings.

One scenario per file under ``data/scenarios/``. The graph checks (targets, reachability, loops,
mood range) are in :mod:`kit.content.checks_scenarios`; play and scoring in :mod:`kit.logic`.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from kit.content.models import Frozen, Id, Line, Text
from kit.i18n import N_, SOURCE, _, current

MOOD_MIN, MOOD_MAX = 0, 100

Skill = Literal["接待", "核实", "澄清", "方案", "道歉共情", "回访", "舆情", "合规"]
SKILLS: tuple[Skill, ...] = ("接待", "核实", "澄清", "方案", "道歉共情", "回访", "舆情", "合规")
BREACH: Skill = "合规"
"""The tag of a reply that breaks a rule (promising 保本, leaking information, …)."""

Category = Literal["service", "credit_card", "loan", "wealth", "public_opinion", "other"]
SKILL_NAMES: dict[str, str] = {
    "接待": N_("接待"), "核实": N_("核实"), "澄清": N_("澄清"), "方案": N_("方案（技能）"),
    "道歉共情": N_("道歉共情"), "回访": N_("回访"), "舆情": N_("舆情"), "合规": N_("合规")}
"""The skills' names for the catalogue: 方案 is also the name of the drafts sheet, so the
skill's msgid says which 方案 it is. Shown with :func:`skill_name`."""


def skill_name(skill: str) -> str:
    """A skill's name in the UI's language (in Chinese: the skill itself)."""
    return skill if current() == SOURCE else _(SKILL_NAMES.get(skill, skill))


CATEGORY_NAMES: dict[str, str] = {
    "service": N_("服务类(断卡行动)"), "credit_card": N_("信用卡类"), "loan": N_("个人贷款类"),
    "wealth": N_("基金保险理财类"), "public_opinion": N_("容易引发舆情类"),
    "other": N_("其他典型案例")}
"""Shown with ``_()``, as are the two below."""
Theme = Literal["no_fault_apology", "media_threat", "vulnerable"]
Quality = Literal["good", "fair", "poor"]
QUALITY_NAMES: dict[str, str] = {"good": N_("佳"), "fair": N_("可"), "poor": N_("欠妥")}
EndingKind = Literal["resolved", "partial", "escalated", "breach", "leaves", "media", "manager"]
ENDING_NAMES: dict[str, str] = {
    "resolved": N_("圆满化解"), "partial": N_("部分化解"), "escalated": N_("投诉升级"),
    "breach": N_("违规处理"), "leaves": N_("客户离开"), "media": N_("客户要找媒体曝光"),
    "manager": N_("客户要求找领导")}


class Choice(Frozen):
    """One reply the trainee can give."""

    text: Line
    next: Id
    """The node or ending that follows (unless the mood forces an ending first)."""
    mood: int = Field(ge=-MOOD_MAX, le=MOOD_MAX)
    """Change of the customer's mood: negative calms, positive agitates."""
    skills: tuple[Skill, ...] = Field(min_length=1)
    quality: Quality
    feedback: Text
    rule: Line | None = None
    """The rule the reply rests on or breaks, with its source."""
    examples: tuple[Line, ...] = ()
    """Other ways of saying the same thing: the free-text matcher compares typed replies with
    the text and these."""

    @model_validator(mode="after")
    def _breach_is_poor_and_cited(self) -> Choice:
        if BREACH in self.skills and (self.quality != "poor" or self.rule is None):
            raise ValueError(_("标为“合规”(违规回应)的选项须为 quality: poor,"
                               "并在 rule 中写明所违反的规定"))
        if len(set(self.skills)) != len(self.skills):
            raise ValueError(_("skills 中有重复的技能"))
        return self


class Node(Frozen):
    id: Id
    narration: Text | None = None
    """What happens (gestures, the scene), shown before the customer's line."""
    customer: Text
    """What the customer says."""
    choices: tuple[Choice, ...] = Field(min_length=2, max_length=4)


class Ending(Frozen):
    id: Id
    kind: EndingKind
    verdict: Line
    score: int = Field(ge=0, le=100)
    debrief: Text
    revisit: tuple[Line, ...] = Field(min_length=1)
    """Outline items (``data/outline.yaml`` ids such as ``6.5.1``) to revisit."""


class Break(Frozen):
    """When the mood reaches ``at`` after a reply, the scenario ends at ``ending``."""

    at: int = Field(ge=MOOD_MIN + 1, le=MOOD_MAX)
    ending: Id


class Scenario(Frozen):
    schema_version: Literal[1]
    id: Id
    title: Line
    category: Category
    themes: tuple[Theme, ...] = ()
    setting: Text
    """The situation, shown before the first line."""
    role: Line
    """Who the trainee plays."""
    customer: Line
    """Who the customer is."""
    mood_start: int = Field(ge=MOOD_MIN, le=MOOD_MAX)
    feedback: Literal["immediate", "end"] = "immediate"
    """Feedback after each reply, or all of it in the debrief."""
    breaks: tuple[Break, ...] = ()
    start: Id
    nodes: tuple[Node, ...] = Field(min_length=1)
    endings: tuple[Ending, ...] = Field(min_length=1)
    sources: tuple[Line, ...] = ()
    """Facts the scenario rests on (for designers; not shown to trainees)."""

    def node(self, node_id: str) -> Node | None:
        return next((n for n in self.nodes if n.id == node_id), None)

    def ending(self, ending_id: str) -> Ending | None:
        return next((e for e in self.endings if e.id == ending_id), None)
