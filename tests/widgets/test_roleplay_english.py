"""The role-play in English: the view's controls, gauge and debrief, the class board and the
report's section.

Course content (the customer's lines, the verdicts) stays Chinese; everything around it is
English once the page's language is ``en``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from kit import i18n
from kit.content import load_course
from kit.reports.data import load_workshop
from kit.reports.report import body
from kit.settings import REPO_ROOT
from kit.testing import close
from kit.widgets.roleplay import roleplay_view
from kit.widgets.roleplay_board import board_html
from tests.reports.test_roleplay_report import Room, room

__all__ = ["room"]  # the report test's workshop: two solo plays, a half one, a group play

REPO = load_course(REPO_ROOT / "data")


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    i18n.use("en")
    try:
        yield
    finally:
        i18n.use(None)  # the other tests stay Chinese


def text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_the_view_and_its_debrief_in_english() -> None:
    v = roleplay_view(REPO, "service-open-account")
    try:
        assert (v.send_button.description, v.yes.description, v.no.description,
                v.again.description) == ("Answer in my words", "Use this reply",
                                         "No, let me rephrase", "Try again")
        assert v.text.placeholder == "Or answer in your own words…"
        assert "Customer's mood <b>70</b>/100" in v.gauge.value
        assert "aria-label='Customer&#x27;s mood'" in v.gauge.value  # escaped in the attribute
        assert "<b>angry</b>" in v.gauge.value
        assert "0 calm … 100 agitated; the role-play ends at 90" in v.gauge.value
        assert "<b>Customer</b>: " in v.chat.value and "Customer: " in v.intro.value
        assert "Pick a reply, or answer in your own words." in v.intro.value
        v.choose(0)
        assert "(calmer by 15)" in v.gauge.value and "✔ Good" in v.chat.value
        assert "<b>You</b>:" in v.chat.value
        for _ in range(5):
            v.choose(0)
        debrief = text(v.debrief.value)
        assert "Ending: Fully resolved" in debrief and "Score 100 / 100" in debrief
        assert debrief.count("(same)") == 6 and "Your path and the reference path" in debrief
        assert "Skill profile" in debrief and "Public opinion not practised" in debrief
        assert "Reception 100 points (replies: 1)" in debrief and "no breach" in debrief
        assert "Suggested review" in debrief
        for chinese in ("结局", "得分", "技能画像", "未涉及", "建议回看", "参考路径"):
            assert chinese not in debrief, chinese
        v.replay()
        assert "Attempt 2 has started. Every earlier attempt is kept." in v.notice.value
    finally:
        close(v)


def test_the_class_board_in_english() -> None:
    v = roleplay_view(REPO, "service-open-account")
    try:
        for _ in range(6):
            v.choose(0)
        html = board_html(v.scenario, v.attempts, people=3)
    finally:
        close(v)
    shown = text(html)
    assert "Played: 1 / 3 trainee(s) · reached an ending: 1 trainee(s)" in shown
    assert "Most common endings" in shown and "The class's paths" in shown
    assert "Fully resolved:" in shown and "mood" in shown
    for chinese in ("已演练", "走到结局", "最常见的结局", "全班的路径", "圆满化解", "情绪"):
        assert chinese not in shown, chinese


def test_the_report_section_in_english(room: Room) -> None:
    html = body(load_workshop(room.course, room.store, room.ws))
    section = html.split("转错账的客户怪网点", 1)[1].split("<section")[0]
    assert "Endings" in section and "Where the mood broke" in section
    assert "The class's paths (each trainee's latest attempt)" in section
    assert "<b>2 trainee(s)</b>" in section and "×1 trainee(s)" in section
    assert "Skill profile (class average)" in section and "Apology and empathy" in section
    assert "best score per trainee: highest 95, lowest 0, median" in section
    for chinese in ("结局分布", "情绪在哪里失控", "技能画像", "最好成绩", "道歉共情"):
        assert chinese not in section, chinese
    group = html.split("一笔家电消费被“自动分期”", 1)[1].split("<section")[0]
    assert "<b>1 group(s)</b>" in group
