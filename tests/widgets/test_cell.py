"""Module notebook cells: self-study anywhere, the instructor's controls with a live session."""

from __future__ import annotations

import pytest

from kit.content import Course
from kit.live.runner import Inline
from kit.logic.phases import Phase
from kit.pages.cell import open_cell
from kit.store import Store, sessions, work, workshops
from kit.testing import all_text, close, find, seat_trainee
from kit.widgets.cell import CellView
from kit.widgets.classify import ClassifyView


def cell(course: Course, store: Store, activity_id: str, token: str | None) -> CellView:
    view = open_cell(course, activity_id, lambda: store, Inline(), autostart=False)
    view.top[0].stored = {"console": token} if token else {}
    return view


def test_without_a_console_session_a_cell_is_self_study(course: Course,
                                                        sqlite_store: Store) -> None:
    view = cell(course, sqlite_store, "m3-classify", None)
    assert view.mode == "solo" and isinstance(view.solo, ClassifyView)
    card = view.solo.cards[0]
    card.select("channel", ["A1"])
    card.submit()
    assert "参考答案" in card.feedback.value and "开放作答" not in all_text(view)
    close(view)


def test_module_cell_results_button_shows_the_board(course: Course, sqlite_store: Store) -> None:
    ws, _ = workshops.create(sqlite_store, "模块页", (3,))
    token = sessions.issue(sqlite_store, ws.id, "console")
    view = cell(course, sqlite_store, "m3-classify", token)
    assert view.mode == "instructor" and view.control is not None
    view.control.press("开放作答")
    trainee = seat_trainee(course, sqlite_store, ws.code, "模块学员")
    card = trainee.page.view.cards[0]
    card.select("channel", ["A1"])
    card.submit()
    find(view, "toggle", "看结果").value = True
    assert view.board is not None and "已作答 <b>1</b> 人" in view.board.summary.value
    assert len(work.latest(sqlite_store, ws.id, "m3-classify")) == 1
    close(view, trainee)


def test_pacing_failure_in_a_cell_shows_a_message(course: Course, sqlite_store: Store) -> None:
    """A move the store refuses ends in a Chinese message on the page, not a traceback."""
    ws, _ = workshops.create(sqlite_store, "模块页", (3,))
    view = cell(course, sqlite_store, "m3-classify", sessions.issue(sqlite_store, ws.id,
                                                                    "console"))
    view.events.pace("m3-classify", Phase.REVEALED, lambda: None)  # waiting → revealed
    assert "不能从「未开始」变为「已公布」" in view.notice.value
    close(view)


def test_drill_failure_shows_a_message_not_a_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    from kit.content import load_course
    from kit.settings import REPO_ROOT
    from kit.widgets import drill as drill_module

    drill = drill_module.DrillView(load_course(REPO_ROOT / "data"), seed=1)
    drill.start()

    def broken(*_: object) -> None:
        raise RuntimeError("内容损坏")

    monkeypatch.setattr(drill_module, "from_case", broken)
    drill.next()
    assert "出了点问题" in drill.notice.value
    drill.finish()
    close(drill)
