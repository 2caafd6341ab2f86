"""Join, follow the instructor through every state, autosave and restore, console access."""

from __future__ import annotations

import pytest

from kit.content import Course
from kit.live.console import Console
from kit.live.trainee import TraineeApp
from kit.store import Store, participants, work, workshops
from kit.widgets.bridge import PageBridge
from kit.widgets.classify import ClassifyView


def trainee(course: Course, store: Store, query: str = "") -> TraineeApp:
    app = TraineeApp(course, store, PageBridge(), autostart=False)
    app.bridge.query = query
    return app


def console(course: Course, store: Store, query: str) -> Console:
    con = Console(course, store, PageBridge(), autostart=False)
    con.bridge.query = query
    return con


@pytest.fixture
def room(course: Course, sqlite_store: Store) -> tuple[Console, str]:
    ws, key = workshops.create(sqlite_store, "滨江支行", (3,))
    return console(course, sqlite_store, f"code={ws.code}&key={key}"), ws.code


def test_join_gets_a_token_in_the_url_and_a_waiting_screen(course: Course, sqlite_store: Store,
                                                           room: tuple[Console, str]) -> None:
    _, code = room
    app = trainee(course, sqlite_store, f"code={code.lower()}")
    assert app.form.code.value == code.lower()
    app.form.name.value = "张三"
    app.form.submit()
    assert "t=" in app.bridge.url_query and app.seat is not None
    assert app.view is None and "请稍候" in app.body.children[0].value


def test_wrong_code_and_stale_token_get_clear_messages(course: Course, sqlite_store: Store,
                                                        room: tuple[Console, str]) -> None:
    app = trainee(course, sqlite_store)
    app.form.code.value, app.form.name.value = "ZZZZZ", "李四"
    app.form.submit()
    assert "参与码不正确" in app.form.notice.value and app.seat is None
    _, code = room
    stale = trainee(course, sqlite_store, f"code={code}&t=forged-token")
    assert "已失效" in stale.notice.value and stale.seat is None


def test_screen_follows_each_state_transition(course: Course, sqlite_store: Store,
                                              room: tuple[Console, str]) -> None:
    con, code = room
    app = trainee(course, sqlite_store, f"code={code}")
    app.join(code, "王五")
    con.pace("m3-classify", "open")
    app.refresh()
    view = app.view
    assert isinstance(view, ClassifyView) and view.phase == "open"
    card = view.cards[0]
    card.select("channel", ["A1"])
    card.select("rights", ["R2"])
    card.submit()
    assert "第 1 版" in card.notice.value
    con.pace("m3-classify", "closed")
    app.refresh()
    assert view.phase == "closed" and card.submit_button.disabled
    con.pace("m3-classify", "revealed")
    app.refresh()
    assert "参考答案" in card.feedback.value and "部分正确 50%" in card.feedback.value
    con.pace("m3-classify", "closed")
    con.pace("m3-classify", "open")
    app.refresh()
    assert view.phase == "open" and not card.submit_button.disabled


def test_closed_activity_refuses_a_submit_with_a_message(course: Course, sqlite_store: Store,
                                                          room: tuple[Console, str]) -> None:
    con, code = room
    app = trainee(course, sqlite_store)
    app.join(code, "赵六")
    con.pace("m3-classify", "open")
    app.refresh()
    con.pace("m3-classify", "closed")  # the trainee's screen has not refreshed yet
    card = app.view.cards[0]
    card.select("channel", ["A1"])
    card.submit()
    assert "已关闭" in card.notice.value
    assert card.inputs["channel"].value == ["A1"]  # nothing lost


def test_reload_restores_identity_and_unsent_input(course: Course, sqlite_store: Store,
                                                    room: tuple[Console, str]) -> None:
    con, code = room
    first = trainee(course, sqlite_store)
    first.join(code, "孙七")
    con.pace("m3-classify", "open")
    first.refresh()
    first.view.cards[0].select("rights", ["R2", "R7"])
    first.view._changed(first.view.cards[0])
    assert first.view.flush(debounce=0) == 1
    again = trainee(course, sqlite_store, first.bridge.url_query)
    assert again.seat is not None and again.seat.participant_id == first.seat.participant_id
    assert again.view.cards[0].inputs["rights"].value == ["R2", "R7"]


def test_timer_and_message_reach_the_trainee(course: Course, sqlite_store: Store,
                                             room: tuple[Console, str]) -> None:
    con, code = room
    app = trainee(course, sqlite_store)
    app.join(code, "周八")
    con.controls.minutes.value = 5
    con.controls.start_timer()
    con.controls.message.value = "<b>请看第一题</b>"
    con.controls.broadcast()
    app.tick()
    assert "⏱ 0" in app.header.timer.value
    assert "&lt;b&gt;请看第一题&lt;/b&gt;" in app.header.message.value


def test_console_opens_only_with_the_key(course: Course, sqlite_store: Store) -> None:
    ws, key = workshops.create(sqlite_store, "t", (3,))
    _, token = participants.join(sqlite_store, ws.id, "学员甲")
    as_trainee = console(course, sqlite_store, f"code={ws.code}&t={token}")
    assert as_trainee.workshop is None
    wrong = console(course, sqlite_store, f"code={ws.code}&key={token}")
    assert wrong.workshop is None and "不正确" in wrong.notice.value
    right = console(course, sqlite_store, f"code={ws.code}&key={key}")
    assert right.workshop is not None and set(right.rows) >= {"m3-classify", "m1-quiz"}


def test_console_creates_a_workshop_and_shows_the_key_once(course: Course,
                                                           sqlite_store: Store) -> None:
    con = console(course, sqlite_store, "")
    con.create.title.value = "新场次"
    con.create.modules[3].value = True
    con.create.submit()
    assert con.workshop is not None and "key=" in con.bridge.url_query
    assert "讲师密钥" in con.children[1].value


def test_roster_groups_and_board(course: Course, sqlite_store: Store,
                                 room: tuple[Console, str]) -> None:
    con, code = room
    apps = []
    for name in ("甲", "乙", "丙", "丁"):
        app = trainee(course, sqlite_store)
        app.join(code, name)
        apps.append(app)
    con.pace("m3-classify", "open")
    for i, app in enumerate(apps):
        app.refresh()
        card = app.view.cards[0]
        card.select("channel", ["A1" if i else "A3"])
        card.select("rights", ["R2", "R7"])
        card.submit()
    con.roster.size.value = 2
    con.roster.group("balanced")
    groups = [p.group_no for p in participants.roster(sqlite_store, con.workshop.id)]
    assert sorted(groups) == [1, 1, 2, 2]
    con.show("m3-classify")
    con.refresh()
    assert "已作答 <b>4</b> 人" in con.board.summary.value
    assert "甲" not in con.board.body.value  # no names on the projector
    assert work.answered(sqlite_store, con.workshop.id) == {"m3-classify": 4}


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


def test_jupyterhub_user_joins_automatically(course: Course, sqlite_store: Store,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    ws, _ = workshops.create(sqlite_store, "hub", (3,))
    monkeypatch.setenv("JUPYTERHUB_USER", "zhang.san")
    app = trainee(course, sqlite_store, f"code={ws.code}")
    assert app.seat is not None and "zhang.san" in app.header.who.value
    again = trainee(course, sqlite_store, f"code={ws.code}")
    assert again.seat is not None and again.seat.participant_id == app.seat.participant_id


def test_one_question_at_a_time_and_answers_survive_paging(sqlite_store: Store) -> None:
    from kit.content import load_course
    from kit.logic.questions import for_activity
    from kit.settings import REPO_ROOT

    real = load_course(REPO_ROOT / "data")
    view = ClassifyView("m3-daily-problems", "t", for_activity(real, "m3-daily-problems"))
    assert len(view.stage.children) == 1 and "第 1 / 8 题" in view.where.value
    view.card("wait-01").select("problem", ["P1"])
    view.go(1)
    assert view.stage.children[0].question.id == "missed-01" and "第 2 / 8 题" in view.where.value
    view.go(99)
    assert "第 8 / 8 题" in view.where.value
    view.go(0)
    assert view.stage.children[0].inputs["problem"].value == ["P1"]
    view.apply_state("revealed")
    view.go(3)
    assert "参考答案" in view.stage.children[0].feedback.value  # built after reveal, still shown


def test_a_kernel_voila_started_for_the_page_shows_the_first_screen_at_once(
        course: Course, sqlite_store: Store, room: tuple[Console, str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Voilà passes the request's query string to a kernel it starts for the page; a
    preheated kernel (started before any request) waits for the browser instead."""
    _, code = room
    monkeypatch.setenv("SERVER_SOFTWARE", "voila/0.5.13")
    monkeypatch.setenv("QUERY_STRING", f"code={code}")
    monkeypatch.setenv("VOILA_PREHEAT", "False")
    app = TraineeApp(course, sqlite_store, PageBridge(), autostart=False)
    assert app.form in app.children and app.form.code.value == code
    monkeypatch.setenv("VOILA_PREHEAT", "True")
    waiting = TraineeApp(course, sqlite_store, PageBridge(), autostart=False)
    assert waiting.bridge.query is None and waiting.form not in waiting.children
