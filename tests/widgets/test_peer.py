"""Drafting and peer review without a browser: draft, review blind, feedback, instructor view."""

from __future__ import annotations

from typing import Any

import ipywidgets as W

from kit.content import Course
from kit.live.console import Console
from kit.live.trainee import TraineeApp
from kit.store import Store, peer, workshops
from kit.widgets.bridge import PageBridge
from kit.widgets.draft import DraftView
from kit.widgets.peer_board import PeerBoard
from kit.widgets.review import ReviewView

XSS = "<img src=x onerror=alert(1)><script>alert(2)</script>"
NAMES = ("甲一", "乙二", "丙三", "丁四")


def strings(widget: Any) -> list[str]:
    """Every string a widget subtree sends to the browser."""
    out: list[str] = []
    for name in ("value", "description", "placeholder", "tooltip", "_esm"):
        value = getattr(widget, name, None)
        if isinstance(value, str):
            out.append(value)
    for opt in getattr(widget, "options", ()) or ():
        out.append(str(opt))
    for child in getattr(widget, "children", ()) or ():
        out += strings(child)
    return out


def room(course: Course, store: Store) -> tuple[Console, list[TraineeApp]]:
    ws, key = workshops.create(store, "互评", (3,))
    con = Console(course, store, PageBridge(), autostart=False)
    con.bridge.query = f"code={ws.code}&key={key}"
    apps = []
    for name in NAMES:
        app = TraineeApp(course, store, PageBridge(), autostart=False)
        app.bridge.query = ""
        app.join(ws.code, name)
        apps.append(app)
    return con, apps


def test_draft_review_feedback_and_board(course: Course, sqlite_store: Store) -> None:
    con, apps = room(course, sqlite_store)
    con.pace("m6-draft", "open")
    for i, app in enumerate(apps):
        app.refresh()
        view = app.view
        assert isinstance(view, DraftView)
        view.submit()
        assert "尚未填写" in view.notice.value  # completeness check before submit
        view.areas["reception"].value = (XSS if i == 0 else f"您好,非常抱歉让您久等了{i}。")
        view.submit()
        assert "已提交" in view.notice.value
    con.pace("m6-draft", "closed")
    con.pace("m6-review", "open")
    for app in apps:
        app.refresh()
        review = app.view
        assert isinstance(review, ReviewView)
        assert not any(n in s for s in strings(review) for n in NAMES)  # double-blind
        while review.allocation is not None:
            assert review.allocation.author_id != app.seat.participant_id
            review.submit()
            assert "请为每条标准打分" in review.notice.value
            review.rubric_input.set_scores({"empathy": 2})
            review.comment.value = "建议先安抚情绪。" + XSS
            review.submit()
    counts = [len(peer.received(sqlite_store, "m6-review", a.seat.participant_id)) for a in apps]
    assert counts == [3, 3, 3, 3]
    con.pace("m6-review", "closed")
    con.pace("m6-review", "revealed")
    apps[0].refresh()
    fb = apps[0].view.body.children[0]
    assert "收到 3 份评审" in fb.children[0].value and "<script>" not in fb.children[0].value
    first_review = peer.received(sqlite_store, "m6-review", apps[0].seat.participant_id)[0][0]
    fb.flag(first_review, "unhelpful")
    con.show("m6-review")
    board = con.board
    assert isinstance(board, PeerBoard)
    con.refresh()
    assert "被标记的评审" in board.flags.value and "方案 #1" in board.scores.value
    assert not any(n in board.scores.value for n in NAMES)
    board.pick.value = apps[0].seat.participant_id
    assert "&lt;script&gt;" in board.shown.value and "<script>" not in board.shown.value
    board.o_crit.value, board.o_score.value = "empathy", 1
    board.override()
    assert "1*" in board.scores.value


def test_hints_follow_the_rule_set(course: Course, sqlite_store: Store) -> None:
    view = DraftView(course, "m6-draft", None)
    view.areas["reception"].value = "这个不归我管"
    assert view.update_hints() == []  # the fixture course ships no rule set
    assert isinstance(view.hints, W.HTML)
