"""Join, follow the instructor through every state, autosave and restore, console access."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from kit.content import Course
from kit.logic.phases import Phase
from kit.pages.trainee import open_trainee
from kit.store import Store, participants, work, workshops
from kit.testing import close, find, find_all, open_console_as, seat_trainee
from kit.widgets.classify import ClassifyView
from kit.widgets.trainee_page import TraineePage


@pytest.fixture
def room(course: Course, sqlite_store: Store) -> Iterator[tuple[Any, str]]:
    ws, key = workshops.create(sqlite_store, "滨江支行", (3,))
    con = open_console_as(course, sqlite_store, ws.code, key)
    yield con, ws.code
    close(con)


def trainee(course: Course, store: Store, query: str = "") -> Any:
    session = open_trainee(course, lambda: store, autostart=False)
    from kit.live.runner import Inline

    session.controller.runner = Inline()
    session.bridge.query = query
    return session


def pace(con: Any, activity_id: str, *phases: str) -> None:
    for phase in phases:
        con.controller.actions.pace(activity_id, Phase(phase))


def test_join_gets_a_token_in_the_url_and_a_waiting_screen(course: Course, sqlite_store: Store,
                                                           room: tuple[Any, str]) -> None:
    _, code = room
    app = trainee(course, sqlite_store, f"code={code.lower()}")
    assert app.page.form.code.value == code.lower()
    app.page.form.name.value = "张三"
    app.page.form.submit()
    assert "t=" in app.bridge.url_query and app.controller.seat is not None
    assert app.page.view is None and "请稍候" in app.page.waiting.value
    close(app)


def test_wrong_code_and_stale_token_get_clear_messages(course: Course, sqlite_store: Store,
                                                        room: tuple[Any, str]) -> None:
    app = trainee(course, sqlite_store, "")
    app.page.form.code.value, app.page.form.name.value = "ZZZZZ", "李四"
    app.page.form.submit()
    assert "参与码不正确" in app.page.form.notice.value and app.controller.seat is None
    _, code = room
    stale = trainee(course, sqlite_store, f"code={code}&t=forged-token")
    assert "已失效" in stale.page.form.notice.value and stale.controller.seat is None
    close(app, stale)


def test_screen_follows_each_state_transition(course: Course, sqlite_store: Store,
                                              room: tuple[Any, str]) -> None:
    con, code = room
    app = seat_trainee(course, sqlite_store, code, "王五")
    pace(con, "m3-classify", "open")
    app.controller.tick()
    view = app.page.view
    assert isinstance(view, ClassifyView) and view.state.phase == Phase.OPEN
    card = view.cards[0]
    card.select("channel", ["A1"])
    card.select("rights", ["R2"])
    card.submit()
    assert "第 1 版" in card.notice.value
    pace(con, "m3-classify", "closed")
    app.controller.tick()
    assert view.state.phase == Phase.CLOSED and card.submit_button.disabled
    assert "第 1 版" not in card.notice.value  # a stale "still editable" goes on close
    pace(con, "m3-classify", "revealed")
    app.controller.tick()
    assert "参考答案" in card.feedback.value and "部分正确 50%" in card.feedback.value
    pace(con, "m3-classify", "closed", "open")
    app.controller.tick()
    assert view.state.phase == Phase.OPEN and not card.submit_button.disabled
    close(app)


def test_closed_activity_refuses_a_submit_with_a_message(course: Course, sqlite_store: Store,
                                                          room: tuple[Any, str]) -> None:
    con, code = room
    app = seat_trainee(course, sqlite_store, code, "赵六")
    pace(con, "m3-classify", "open")
    app.controller.tick()
    pace(con, "m3-classify", "closed")  # the trainee's screen has not refreshed yet
    card = app.page.view.cards[0]
    card.select("channel", ["A1"])
    card.submit()
    assert "已关闭" in card.notice.value
    assert card.inputs["channel"].value == ["A1"]  # nothing lost
    close(app)


def test_reload_restores_identity_and_unsent_input(course: Course, sqlite_store: Store,
                                                    room: tuple[Any, str]) -> None:
    con, code = room
    first = seat_trainee(course, sqlite_store, code, "孙七")
    pace(con, "m3-classify", "open")
    first.controller.tick()
    card = first.page.view.cards[0]
    find(card, "toggle", "知情权").value = True
    find(card, "toggle", "受尊重权").value = True
    assert first.controller.autosave.flush(force=True) == 1
    again = trainee(course, sqlite_store, first.bridge.url_query)
    assert again.controller.seat.participant_id == first.controller.seat.participant_id
    assert again.page.view.cards[0].inputs["rights"].value == ["R2", "R7"]
    close(first, again)


def test_timer_and_message_reach_the_trainee(course: Course, sqlite_store: Store,
                                             room: tuple[Any, str]) -> None:
    con, code = room
    app = seat_trainee(course, sqlite_store, code, "周八")
    con.page.room.minutes.value = 5
    find(con.page.room, "button", "开始计时").press()
    con.page.room.message.value = "<b>请看第一题</b>"
    find(con.page.room, "button", "发送通知").press()
    app.controller.tick()
    app.page.tick()
    assert "⏱ 0" in app.page.header.timer.value
    assert "&lt;b&gt;请看第一题&lt;/b&gt;" in app.page.header.message.value
    find(con.page.room, "button", "暂停").press()
    app.controller.tick()
    assert "已暂停" in app.page.header.timer.value
    close(app)


def test_console_opens_only_with_the_key(course: Course, sqlite_store: Store) -> None:
    ws, key = workshops.create(sqlite_store, "t", (3,))
    _, token = participants.join(sqlite_store, ws.id, "学员甲")
    with_token = open_console_as(course, sqlite_store, ws.code, token)
    assert with_token.controller.workshop is None and "不正确" in with_token.page.login.notice.value
    right = open_console_as(course, sqlite_store, ws.code, key)
    assert right.controller.workshop is not None
    assert {r.activity_id for r in right.controller.state.rows} >= {"m3-classify", "m1-quiz"}
    assert right.page.login.key.value == ""  # the key never stays on screen
    close(with_token, right)


def test_console_creates_a_workshop_and_shows_the_key_once(course: Course,
                                                           sqlite_store: Store) -> None:
    con = open_console_as(course, sqlite_store, "", "")
    con.page.create.title.value = "新场次"
    con.page.create.modules[3].value = True
    con.page.create.submit()
    state = con.controller.state
    assert state.workshop is not None and state.key_once
    assert "请勿投屏" in con.page.key_box.children[0].value
    assert state.key_once not in (con.bridge.url_query or "")
    find(con.page.key_box, "button", "我已记下").click()
    assert con.controller.state.key_once is None and con.page.key_box.children == ()
    close(con)


def test_roster_groups_and_board(course: Course, sqlite_store: Store,
                                 room: tuple[Any, str]) -> None:
    con, code = room
    apps = [seat_trainee(course, sqlite_store, code, name) for name in ("甲", "乙", "丙", "丁")]
    pace(con, "m3-classify", "open")
    for i, app in enumerate(apps):
        app.controller.tick()
        card = app.page.view.cards[0]
        card.select("channel", ["A1" if i else "A3"])
        card.select("rights", ["R2", "R7"])
        card.submit()
    con.page.roster.size.value = 2
    find(con.page.roster, "button", "均衡分组").press()
    groups = [p.group_no for p in participants.roster(sqlite_store, con.controller.workshop.id)]
    assert sorted(groups) == [1, 1, 2, 2]
    con.controller.refresh()
    board = con.page.board
    assert "已作答 <b>4</b> 人" in board.summary.value
    assert not any(n in board.body.value + board.summary.value for n in "甲乙丙丁")
    assert work.answered(sqlite_store, con.controller.workshop.id) == {"m3-classify": 4}
    assert "已提交" in con.page.roster.table.value
    close(*apps)


def test_drill_gives_instant_feedback_and_a_summary() -> None:
    from kit.content import load_course
    from kit.settings import REPO_ROOT
    from kit.widgets.drill import DrillView

    drill = DrillView(load_course(REPO_ROOT / "data"), seed=1)
    drill.difficulty.value = 1
    drill.module.value = 3
    drill.start()
    assert "个案例" in drill.notice.value and drill.card is not None
    card = drill.card
    key = {a.id: list(a.key or ()) for a in card.question.asks}
    for ask_id, codes in key.items():
        card.select(ask_id, codes if ask_id != "cause" else [])
    card.submit()
    assert "参考答案" in card.feedback.value and "已完成 1 题" in drill.score.value
    drill.finish()
    assert "最需要加强的维度:投诉原因(0%)" in drill.stage.children[0].value
    empty = DrillView(load_course(REPO_ROOT / "data"))
    empty.category.value, empty.module.value = "K2", 1
    empty.start()
    assert "没有符合条件" in empty.notice.value
    close(drill, empty)


def test_jupyterhub_user_joins_automatically(course: Course, sqlite_store: Store,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    ws, _ = workshops.create(sqlite_store, "hub", (3,))
    monkeypatch.setenv("JUPYTERHUB_USER", "zhang.san")
    app = trainee(course, sqlite_store, f"code={ws.code}")
    assert app.controller.seat is not None and "zhang.san" in app.page.header.who.value
    again = trainee(course, sqlite_store, f"code={ws.code}")
    assert again.controller.seat.participant_id == app.controller.seat.participant_id
    close(app, again)


def test_a_hub_user_with_a_long_name_can_join(course: Course, sqlite_store: Store,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """JupyterHub allows long user names; the display name is shortened, the identity kept."""
    ws, _ = workshops.create(sqlite_store, "hub", (3,))
    long_a, long_b = "branch-0451-zhang.sanfeng.longname", "branch-0451-zhang.sanfeng.longnam2"
    monkeypatch.setenv("JUPYTERHUB_USER", long_a)
    a = trainee(course, sqlite_store, f"code={ws.code}")
    monkeypatch.setenv("JUPYTERHUB_USER", long_b)
    b = trainee(course, sqlite_store, f"code={ws.code}")
    assert a.controller.seat is not None and b.controller.seat is not None
    assert a.controller.seat.participant_id != b.controller.seat.participant_id
    assert len(a.controller.seat.name) <= 20
    close(a, b)


def test_one_question_at_a_time_and_answers_survive_paging() -> None:
    from kit.content import load_course
    from kit.logic.questions import for_activity
    from kit.settings import REPO_ROOT
    from kit.state.activity import ActivityState

    real = load_course(REPO_ROOT / "data")
    view = ClassifyView("m3-daily-problems", "t", for_activity(real, "m3-daily-problems"))
    assert len(view.stage.children) == 1 and "第 1 / 8 题" in view.where.value
    view.card("wait-01").select("problem", ["P1"])
    find(view, "button", "下一题").click()
    assert view.stage.children[0].question.id == "missed-01" and "第 2 / 8 题" in view.where.value
    view.go(99)
    assert "第 8 / 8 题" in view.where.value
    view.go(0)
    assert view.stage.children[0].inputs["problem"].value == ["P1"]
    view.render(ActivityState("m3-daily-problems", "classify", Phase.REVEALED))
    view.go(3)
    assert "参考答案" in view.stage.children[0].feedback.value  # built after reveal, still shown
    close(view)


def test_a_kernel_voila_started_for_the_page_shows_the_first_screen_at_once(
        course: Course, sqlite_store: Store, room: tuple[Any, str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Voilà passes the request's query string to a kernel it starts for the page; a
    preheated kernel (started before any request) waits for the browser instead."""
    _, code = room
    monkeypatch.setenv("SERVER_SOFTWARE", "voila/0.5.13")
    monkeypatch.setenv("QUERY_STRING", f"code={code}")
    monkeypatch.setenv("VOILA_PREHEAT", "False")
    from kit.live.runner import Inline

    app = open_trainee(course, lambda: sqlite_store, Inline(), autostart=False)
    assert app.page.form in app.page.children and app.page.form.code.value == code
    monkeypatch.setenv("VOILA_PREHEAT", "True")
    waiting = open_trainee(course, lambda: sqlite_store, Inline(), autostart=False)
    assert waiting.bridge.query is None and waiting.page.form not in waiting.page.children
    close(app, waiting)


def test_poll_reveal_shows_the_class_result_and_marks_nothing_wrong(
        course: Course, sqlite_store: Store, room: tuple[Any, str]) -> None:
    con, code = room
    apps = [seat_trainee(course, sqlite_store, code, n) for n in ("投一", "投二", "投三")]
    poll = next(a.id for m in course.modules for a in m.activities if a.kind == "poll")
    pace(con, poll, "open")
    for i, app in enumerate(apps):
        app.controller.tick()
        card = app.page.view.cards[0]
        codes = [c.code for c in card.question.asks[0].choices]
        card.select("answer", [codes[0 if i < 2 else 1]])
        card.submit()
    pace(con, poll, "closed", "revealed")
    for app in apps:
        app.controller.tick()
        card = app.page.view.cards[0]
        assert "全班结果" in card.feedback.value and "67%" in card.feedback.value
        assert "(您的选择)" in card.feedback.value
        assert all(b.button_style != "danger" for b in find_all(card, "toggle"))
    close(*apps)


def test_the_page_the_view_renders_only_what_the_controller_says(course: Course) -> None:
    """A view needs no store: it renders a state and reports events."""
    from kit.state.common import Note, Seat
    from kit.state.events import TraineeEvents
    from kit.state.trainee import TraineeState

    joined: list[tuple[str, str]] = []
    page = TraineePage(course, TraineeEvents(join=lambda c, n, s, done: (joined.append((c, n)),
                                                                         done())))
    page.render(TraineeState(screen="join", code="ABCDE", notice=Note("有误", "error")))
    page.form.name.value = "钱九"
    page.form.submit()
    assert joined == [("ABCDE", "钱九")] and "有误" in page.form.notice.value
    seat = Seat(1, 2, "钱九", "演练", "ABCDE")
    page.render(TraineeState(screen="live", seat=seat))
    assert "钱九" in page.header.who.value and page.waiting in page.body.children
    close(page)
