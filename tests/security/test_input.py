"""Bad input gets a clear Chinese message and loses nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kit.content import Course, load_course
from kit.logic.text import DRAFT_MAX
from kit.store import Store, activities, participants, work, workshops
from kit.testing import close, seat_trainee
from kit.widgets.draft import DraftView

FIXTURE = Path(__file__).parent.parent / "fixtures" / "content" / "base"
WORD = ("<p class=MsoNormal><span style='font-family:宋体;mso-bidi-font-family:"
        "\"Times New Roman\"'>您好,非常抱歉</span><o:p></o:p></p>")


@pytest.fixture(scope="module")
def course() -> Course:
    return load_course(FIXTURE)


def seated(course: Course, store: Store, activity: str) -> Any:
    ws, _ = workshops.create(store, "输入", (3,))
    activities.set_state(store, ws.id, activity, "open")
    return seat_trainee(course, store, ws.code, "学员")


def test_empty_answers_are_refused_kindly(course: Course, sqlite_store: Store) -> None:
    app = seated(course, sqlite_store, "m3-classify")
    card = app.page.view.cards[0]
    card.submit()
    assert "请至少完成一个维度" in card.notice.value
    draft = DraftView(course, "m6-draft")
    draft.areas["reception"].value = " \u3000\n\t "
    draft.submit()
    assert "尚未填写" in draft.notice.value
    close(app, draft)


def test_overlong_draft_is_refused_and_kept(course: Course, sqlite_store: Store) -> None:
    app = seated(course, sqlite_store, "m6-draft")
    draft = app.page.view
    assert isinstance(draft, DraftView)
    text = "长" * (DRAFT_MAX + 1)
    draft.areas["reception"].value = text
    assert "100,001 字" in draft.counts["reception"].value and "kit-error" in draft.counts[
        "reception"].value
    draft.submit()
    assert "100,000" in draft.notice.value and draft.areas["reception"].value == text
    close(app)


@pytest.mark.parametrize("text", ["您好😀🙏,𠀀𪚥𫠠 客户", WORD, "ＡＢＣ１２３ abc123"])
def test_any_text_round_trips_exactly(course: Course, sqlite_store: Store, text: str) -> None:
    app = seated(course, sqlite_store, "m6-draft")
    draft = app.page.view
    draft.areas["reception"].value = text + "请您放心我们会处理"
    draft.submit()
    assert "已提交" in draft.notice.value
    saved = work.mine(sqlite_store, app.controller.seat.participant_id, "m6-draft")["scene-01"]
    assert saved.payload["sections"]["reception"] == text + "请您放心我们会处理"
    close(app)


def test_codes_and_names_are_normalised(course: Course, sqlite_store: Store) -> None:
    ws, _ = workshops.create(sqlite_store, "码", (3,))
    wide = "".join(chr(ord(c) + 0xFEE0) for c in ws.code.lower())  # full-width, lower case
    assert workshops.by_code(sqlite_store, f" {wide[:2]} - {wide[2:]} ") == ws
    p, _ = participants.join(sqlite_store, ws.id, "  张三１２３  ")
    assert p.name == "张三123"
    with pytest.raises(participants.NameTaken, match="工号"):
        participants.join(sqlite_store, ws.id, "张三123")
    with pytest.raises(participants.InputProblem, match="请输入姓名"):
        participants.join(sqlite_store, ws.id, "\u3000 \t")
    with pytest.raises(participants.InputProblem, match="不超过 20"):
        participants.join(sqlite_store, ws.id, "名" * 21)
