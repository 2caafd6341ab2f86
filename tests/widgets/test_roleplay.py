"""The solo role-play view without a browser: choose, type, confirm, replay, debrief."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest

from kit.content import Course, load_course
from kit.content.scenario_models import Scenario
from kit.live.runner import Inline
from kit.logic.phases import Phase
from kit.logic.roleplay_play import Attempt
from kit.pages.cell import open_cell
from kit.settings import REPO_ROOT
from kit.state.activity import ActivityState
from kit.store import Store, workshops
from kit.testing import all_text, close, open_console_as, seat_trainee
from kit.widgets.activities import make_view
from kit.widgets.roleplay import RoleplayView, roleplay_view

REPO = load_course(REPO_ROOT / "data")
MADE: list[Any] = []


@pytest.fixture(autouse=True)
def close_views() -> Iterator[None]:
    """Every view a test builds is closed after it, as a page closing would."""
    yield
    close(*MADE)
    MADE.clear()


def text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def view(sid: str = "service-open-account") -> tuple[RoleplayView, list[Attempt]]:
    got: list[Attempt] = []
    made = roleplay_view(REPO, sid, on_attempt=got.append)
    MADE.append(made)
    return made, got


def shown_buttons(v: RoleplayView) -> list[str]:
    return [b.description for b in v.buttons if b.layout.display != "none"]


def test_first_screen_shows_the_customer_the_gauge_and_wrapping_replies() -> None:
    v, _ = view()
    assert "我就开张卡领工资" in v.chat.value and "周师傅把身份证" in v.chat.value
    assert "aria-valuenow='70'" in v.gauge.value and "客户情绪 <b>70</b>/100" in v.gauge.value
    assert "<b>生气</b>" in v.gauge.value and "达到 90 时演练结束" in v.gauge.value
    labels = shown_buttons(v)
    assert len(labels) == 3 and labels[0].startswith("1. 周师傅，您先别急")
    assert all("kit-rp-reply" in b._dom_classes and b.layout.height == "auto" for b in v.buttons)
    assert "white-space: normal !important" in v.children[0].value  # labels wrap, no "…"
    assert "min-height: 44px" in v.children[0].value
    assert v.debrief.value == "" and v.again.layout.display == "none"


def test_immediate_feedback_then_a_debrief_with_path_and_profile() -> None:
    v, got = view()
    v.choose(0)
    assert "（平复 15）" in v.gauge.value
    assert "✔ 佳" in v.chat.value and "先接住情绪" in v.chat.value  # immediate feedback
    for _ in range(5):
        v.choose(0)
    assert v.practice.state.finished and len(got) == 1
    debrief = text(v.debrief.value)
    assert "圆满化解" in debrief and "得分 100 / 100" in debrief
    assert debrief.count("（相同）") == 6                  # the best path, step by step
    assert "舆情 未涉及" in debrief and "接待 100 分（1 次）" in debrief and "未违规" in debrief
    assert "6.1.1 鼓励客户诉说，表达发泄情绪" in debrief   # outline titles for 建议回看
    assert v.reply_box.layout.display == "none" and v.again.layout.display == "flex"


def test_a_trap_and_a_forced_ending_show_in_the_debrief() -> None:
    v, got = view()
    v.choose(2)                                          # the kind-sounding false purpose
    assert "⚠ 违规回应" in v.chat.value and "第十五条" in v.chat.value
    assert v.again.layout.display == "flex"            # 再来一次 is offered half-way too
    v.again.click()
    v.choose(1)                                          # 70 → 75: rules first
    v.choose(1)                                          # 75 → 95 ≥ 90: the customer leaves
    assert v.practice.state.ending == "leave" and v.practice.state.forced
    debrief = text(v.debrief.value)
    assert "客户离开" in debrief and "演练提前结束" in debrief and "得分 0 / 100" in debrief
    assert [a.ending for a in got] == [None, "leave"]  # the abandoned try was handed over too
    assert "每一次演练" in debrief and "中途重来" in debrief


def test_end_mode_keeps_feedback_for_the_debrief() -> None:
    v, _ = view("other-wrong-transfer")
    v.choose(0)
    assert "✔ 佳" not in v.chat.value and "对感受的共情" not in v.chat.value
    for _ in range(10):
        if v.practice.state.finished:
            break
        v.choose(0)
    assert "逐条点评" in v.debrief.value and "对感受的共情" in v.debrief.value


def test_a_typed_reply_is_matched_confirmed_and_recorded() -> None:
    v, _ = view()
    v.text.value = "师傅别急，咱们坐下慢慢聊，我帮您想想办法"
    v.send_button.click()
    assert v.pending is not None and v.pending.index == 0
    assert v.confirm_box.layout.display == "flex" and v.reply_box.layout.display == "none"
    assert "最接近第 1 个回应" in v.guess.value
    v.no.click()                                         # not what I meant
    assert v.pending is None and v.reply_box.layout.display == "flex"
    v.say("师傅别急，咱们坐下慢慢聊，我帮您想想办法")
    v.yes.click()
    step = v.practice.state.steps[0]
    assert step.choice == 0 and step.said.startswith("师傅别急")
    assert "按最接近的回应处理" in v.chat.value and v.text.value == ""


@pytest.mark.parametrize(("said", "message"), [("   ", "请先写下"), ("今天天气真好", "换个说法"),
                                               ("好" * 501, "500 字以内")])
def test_empty_unclear_or_long_replies_get_a_message_and_change_nothing(said: str,
                                                                        message: str) -> None:
    v, _ = view()
    v.say(said)
    assert message in v.notice.value and v.pending is None and not v.practice.state.steps
    assert "kit-error" not in v.notice.value or message != "换个说法"


def hostile() -> Scenario:
    data: dict[str, Any] = REPO.scenarios["service-open-account"].model_dump(mode="json")
    data["nodes"][0]["customer"] = "<script>alert(1)</script>"
    data["nodes"][0]["choices"][0]["text"] = "<img src=x onerror=alert(1)>您好"
    data["nodes"][0]["choices"][0]["examples"] = ["您好请坐"]
    return Scenario.model_validate(data)


def test_everything_is_escaped() -> None:
    v = RoleplayView(hostile())
    MADE.append(v)
    assert "<script>" not in v.chat.value and "&lt;script&gt;" in v.chat.value
    v.say("<b>您好请坐</b>")
    assert "<b>您好请坐</b>" not in v.guess.value and "&lt;b&gt;" in v.guess.value
    v.confirm()
    assert "<img" not in v.chat.value and "&lt;b&gt;您好请坐" in v.chat.value


def test_activity_kind_roleplay_gets_the_solo_view_and_follows_the_phase() -> None:
    state = ActivityState("m7-rp-service", "roleplay", Phase.OPEN)
    made = make_view(REPO, state, None)
    MADE.append(made)
    assert isinstance(made, RoleplayView) and made.activity_id == "m7-rp-service"
    made.render(ActivityState("m7-rp-service", "roleplay", Phase.CLOSED))
    assert all(b.disabled for b in made.buttons) and made.text.disabled
    made.render(state)
    assert not any(b.disabled for b in made.buttons)


def test_a_trainee_in_the_room_plays_and_the_console_does_not_break(sqlite_store: Store) -> None:
    ws, key = workshops.create(sqlite_store, "滨江支行", (6, 7))
    con = open_console_as(REPO, sqlite_store, ws.code, key)
    assert "情景演练" in all_text(con.page)
    app = seat_trainee(REPO, sqlite_store, ws.code, "王五")
    con.controller.actions.pace("m7-rp-card", Phase.OPEN)
    con.controller.actions.show("m7-rp-card")
    app.controller.tick()
    view = app.page.view
    assert isinstance(view, RoleplayView) and view.scenario.id == "card-auto-installment"
    view.choose(0)
    assert len(view.practice.state.steps) == 1
    con.controller.actions.pace("m7-rp-card", Phase.CLOSED)
    app.controller.tick()
    assert app.page.view is view and all(b.disabled for b in view.buttons)
    assert "出了点问题" not in all_text(con.page) + all_text(app.page)
    MADE.extend([app, con])


def test_the_module_cell_shows_the_solo_view(sqlite_store: Store) -> None:
    cell = open_cell(REPO, "m6-rp-apology", lambda: sqlite_store, Inline(), autostart=False)
    cell.render(replace(cell.state, screen="login"))  # no instructor session: self-study
    assert isinstance(cell.solo, RoleplayView) and cell.solo.scenario.id == "other-wrong-transfer"
    cell.toggle.value = True                   # 看结果: the class's tree, empty here
    assert "还没有人作出回应" in all_text(cell.results)
    MADE.append(cell)


def test_unknown_scenario_is_a_clear_error(course: Course) -> None:
    with pytest.raises(ValueError, match="没有编号为 'nope' 的情景"):
        roleplay_view(course, "nope")
