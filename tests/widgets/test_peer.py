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


def test_group_draft_conflict_is_shown_and_nothing_is_lost(course: Course,
                                                           sqlite_store: Store) -> None:
    from kit.content import load_course
    from kit.settings import REPO_ROOT
    from kit.store import activities, participants, work

    real = load_course(REPO_ROOT / "data")
    ws, _ = workshops.create(sqlite_store, "小组", (4,))
    seats = []
    for name in ("组员甲", "组员乙"):
        app = TraineeApp(real, sqlite_store, PageBridge(), autostart=False)
        app.bridge.query = ""
        app.join(ws.code, name)
        seats.append(app.seat)
    participants.set_groups(sqlite_store, ws.id, {s.participant_id: 1 for s in seats})
    activities.set_state(sqlite_store, ws.id, "m4-media-plan", "open")
    a, b = (DraftView(real, "m4-media-plan", s) for s in seats)
    text = "客户情绪激动,我们先请客户到接待区坐下,倒水安抚,耐心倾听并记录诉求,三个工作日内回复。"
    a.fill({sid: "甲:" + text for sid in a.areas})
    a.submit()
    assert "小组方案第 1 版" in a.notice.value
    b.fill({sid: "乙:" + text for sid in b.areas})
    b.submit()
    assert "组员「组员甲」" in b.notice.value and b.sections["calm"].startswith("乙:")
    b.conflict.children[1].children[0].click()  # load the other version
    assert b.sections["calm"].startswith("甲:") and "我刚才的修改" in b.conflict.children[0].value
    b.fill({sid: "乙:" + text for sid in b.areas})
    b.submit()
    assert "小组方案第 2 版" in b.notice.value
    versions = work.all_versions(sqlite_store, ws.id)
    assert [v.version for v in versions] == [1, 2] and {v.item_id for v in versions} == {
        "pr-02#g1"}
    c = DraftView(real, "m4-media-plan", seats[0])  # a reload shows the group's latest
    assert c.sections["calm"].startswith("乙:")


def test_calibration_shows_deviation_then_reviewing_starts(sqlite_store: Store) -> None:
    from kit.content import load_course
    from kit.settings import REPO_ROOT
    from kit.store import activities, participants

    real = load_course(REPO_ROOT / "data")
    ws, _ = workshops.create(sqlite_store, "校准", (6,))
    seats = []
    for name in ("校一", "校二"):
        app = TraineeApp(real, sqlite_store, PageBridge(), autostart=False)
        app.bridge.query = ""
        app.join(ws.code, name)
        seats.append(app.seat)
    activities.set_state(sqlite_store, ws.id, "m6-plan", "open")
    for seat in seats:
        view = DraftView(real, "m6-plan", seat)
        text = "您好,非常抱歉给您添麻烦了,我们会在三个工作日内核实并回电,如有异议可申请核查或调解。"
        view.fill({s.id: text for s in view.template.sections})
        view.submit()
        assert "已提交" in view.notice.value
    activities.set_state(sqlite_store, ws.id, "m6-plan", "closed")
    activities.set_state(sqlite_store, ws.id, "m6-review", "open")
    review = ReviewView(real, "m6-review", seats[0])
    review.apply_state("open")
    assert "先校准" in review.body.children[0].value
    rubric_input, button, result = review.body.children[2], review.body.children[3], \
        review.body.children[4]
    button.click()
    assert "请为每条标准打分" in review.notice.value
    rubric_input.set_scores({c.id: 4 for c in review.rubric.criteria})
    button.click()
    assert "平均偏差" in result.value and "讲师评语" in result.value
    review.body.children[-1].click()  # start reviewing peers
    assert review.allocation is not None
    assert review.allocation.author_id == seats[1].participant_id
    assert participants.get(sqlite_store, seats[0].participant_id).status == "reviewing"
