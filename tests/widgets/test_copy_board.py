"""After 文案审查 is revealed, the console and the projector show where the class and the copy
checker differ, per rule code."""

from __future__ import annotations

from kit.content import load_course
from kit.logic.phases import Phase
from kit.settings import REPO_ROOT
from kit.store import Store, sessions, workshops
from kit.testing import close, open_console_as, seat_trainee
from tests.widgets.test_projector import projector


def test_the_class_and_the_checker_are_compared_after_reveal(sqlite_store: Store) -> None:
    course = load_course(REPO_ROOT / "data")
    ws, key = workshops.create(sqlite_store, "文案审查", (2,))
    con = open_console_as(course, sqlite_store, ws.code, key)
    trainee = seat_trainee(course, sqlite_store, ws.code, "审查员")
    proj = projector(course, sqlite_store, sessions.issue(sqlite_store, ws.id, "projector"))
    con.controller.actions.pace("m2-copy-review", Phase.OPEN)
    trainee.controller.tick()
    card = trainee.page.view.cards[0]
    card.select("ad_rule", ["M0"])  # "nothing wrong here"
    card.submit()
    for phase in (Phase.CLOSED, Phase.REVEALED):
        con.controller.actions.pace("m2-copy-review", phase)
    board = con.page.board
    assert "学员与文案检查器的判断对比" in board.checker.value and "处分歧" in board.checker.value
    proj.controller.tick()
    assert "学员与文案检查器的判断对比" in proj.page.body.value
    close(con, trainee, proj)
