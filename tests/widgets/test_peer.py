"""Drafting and peer review without a browser: draft, review blind, feedback, instructor view."""

from __future__ import annotations

from typing import Any

from kit.content import Course, load_course
from kit.live.runner import Deferred
from kit.logic.phases import Phase
from kit.settings import REPO_ROOT
from kit.store import Store, activities, participants, peer, work, workshops
from kit.testing import all_text, close, find, find_all, open_console_as, seat_trainee
from kit.widgets.draft import DraftView
from kit.widgets.peer_board import PeerBoardView
from kit.widgets.review import ReviewView

XSS = "<img src=x onerror=alert(1)><script>alert(2)</script>"
NAMES = ("甲一", "乙二", "丙三", "丁四")
TEXT = "您好,非常抱歉给您添麻烦了,我们会在三个工作日内核实并回电,如有异议可申请核查或调解。"


def room(course: Course, store: Store, modules: tuple[int, ...] = (3,),
         names: tuple[str, ...] = NAMES) -> tuple[Any, list[Any]]:
    ws, key = workshops.create(store, "互评", modules)
    con = open_console_as(course, store, ws.code, key)
    return con, [seat_trainee(course, store, ws.code, name) for name in names]


def pace(con: Any, activity_id: str, *phases: str) -> None:
    for phase in phases:
        con.controller.actions.pace(activity_id, Phase(phase))


def test_draft_review_feedback_and_board(course: Course, sqlite_store: Store) -> None:
    con, apps = room(course, sqlite_store)
    pace(con, "m6-draft", "open")
    for i, app in enumerate(apps):
        app.controller.tick()
        view = app.page.view
        assert isinstance(view, DraftView)
        view.submit()
        assert "尚未填写" in view.notice.value  # completeness check before submit
        view.areas["reception"].value = (XSS if i == 0 else f"您好,非常抱歉让您久等了{i}。")
        view.submit()
        assert "已提交" in view.notice.value
    pace(con, "m6-draft", "closed")
    pace(con, "m6-review", "open")
    wid = con.controller.workshop.id
    for app in apps:
        app.controller.tick()
        review = app.page.view
        assert isinstance(review, ReviewView)
        assert not any(n in all_text(review) for n in NAMES)  # double-blind
        while app.controller.state.activity.review.step == "review":
            find(review, "button", "提交评审").press()
            assert "请为每条标准打分" in app.page.notice.value
            review.rubric_input.set_scores({"empathy": 2})
            review.comment.value = "建议先安抚情绪。" + XSS
            find(review, "button", "提交评审").press()
        assert "✔ 已完成 3 / 3 份" in review.progress.value
    counts = [len(peer.received(sqlite_store, wid, "m6-review", a.controller.seat.participant_id))
              for a in apps]
    assert counts == [3, 3, 3, 3]
    con.controller.refresh()
    assert next(r for r in con.controller.state.rows if r.activity_id == "m6-review").answered == 4
    pace(con, "m6-review", "closed", "revealed")
    apps[0].controller.tick()
    fb = apps[0].page.view.body.children[0]
    assert "收到 3 份评审" in fb.children[0].value and "<script>" not in all_text(fb)
    find_all(fb, "button", "标记为没有帮助")[0].press()
    assert "已标记为没有帮助" in all_text(apps[0].page.view)
    con.controller.refresh()
    board = con.page.board
    assert isinstance(board, PeerBoardView)
    assert "被标记的评审" in board.flags.value and "方案 #1" in board.scores.value
    assert not any(n in board.scores.value for n in NAMES)
    board.pick.value = apps[0].controller.seat.participant_id
    assert "&lt;script&gt;" in board.shown.value and "<script>" not in board.shown.value
    board.o_crit.value, board.o_score.value = "empathy", 1
    find(board, "button", "改判所选方案").press()
    assert "1*" in board.scores.value
    close(con, *apps)


def test_hints_follow_the_rule_set() -> None:
    real = load_course(REPO_ROOT / "data")
    plan = next(a for m in real.modules for a in m.activities
                if a.kind == "draft" and real.rules_for(real.templates[a.template].id))
    view = DraftView(real, plan.id)
    section = next(iter(view.areas))
    view.areas[section].value = "这个不归我管,您去找别的部门吧。"
    found = view.update_hints()
    assert found and "撰写提示" in view.hints.value
    view.areas[section].value = "您好,我来为您核实处理。"
    assert len(view.update_hints()) < len(found)
    close(view)


def test_group_draft_conflict_is_shown_and_nothing_is_lost(sqlite_store: Store) -> None:
    real = load_course(REPO_ROOT / "data")
    con, apps = room(real, sqlite_store, (4,), ("组员甲", "组员乙"))
    wid = con.controller.workshop.id
    participants.set_groups(sqlite_store, wid, {a.controller.seat.participant_id: 1
                                                for a in apps})
    pace(con, "m4-media-plan", "open")
    a, b = apps
    for app in apps:
        app.controller.tick()
    va, vb = a.page.view, b.page.view
    va.fill({sid: "甲:" + TEXT for sid in va.areas})
    va.submit()
    assert "小组方案第 1 版" in va.notice.value
    vb.fill({sid: "乙:" + TEXT for sid in vb.areas})
    vb.submit()
    assert "组员「组员甲」" in vb.notice.value and vb.sections["calm"].startswith("乙:")
    find(vb.conflict, "button", "载入组员的版本").click()
    assert vb.sections["calm"].startswith("甲:") and "我的未提交内容" in all_text(vb.conflict)
    vb.fill({sid: "乙:" + TEXT for sid in vb.areas})
    vb.submit()
    assert "小组方案第 2 版" in vb.notice.value
    versions = work.all_versions(sqlite_store, wid)
    assert [v.version for v in versions] == [1, 2]
    assert {(v.item_id, v.group_no) for v in versions} == {("pr-02", 1)}
    again = seat_trainee(real, sqlite_store, con.controller.workshop.code, "组员丙")
    participants.set_groups(sqlite_store, wid, {again.controller.seat.participant_id: 1})
    again.controller.tick()
    assert again.page.view.sections["calm"].startswith("乙:")  # the group's latest
    close(con, *apps, again)


def test_calibration_shows_deviation_then_reviewing_starts(sqlite_store: Store) -> None:
    real = load_course(REPO_ROOT / "data")
    con, apps = room(real, sqlite_store, (6,), ("校一", "校二"))
    pace(con, "m6-plan", "open")
    for app in apps:
        app.controller.tick()
        view = app.page.view
        view.fill({s.id: TEXT for s in view.template.sections})
        view.submit()
        assert "已提交" in view.notice.value
    pace(con, "m6-plan", "closed")
    pace(con, "m6-review", "open")
    first = apps[0]
    first.controller.tick()
    review = first.page.view
    assert "先校准" in all_text(review)
    find(review, "button", "提交校准评分").press()
    assert "请为每条标准打分" in first.page.notice.value
    review.rubric_input.set_scores({c.id: 4 for c in review.rubric.criteria})
    find(review, "button", "提交校准评分").press()
    assert "平均偏差" in all_text(review) and "讲师评语" in all_text(review)
    find(review, "button", "开始评审同伴的方案").press()
    reviewing = first.controller.state.activity.review.reviewing
    author = peer.next_allocation(sqlite_store, con.controller.workshop.id, "m6-review",
                                  "m6-plan", first.controller.seat.participant_id, 3)
    assert reviewing is not None and author is not None
    assert author.author_id == apps[1].controller.seat.participant_id
    status = participants.get(sqlite_store, first.controller.seat.participant_id).status
    assert status == "reviewing"
    close(con, *apps)


def test_double_tap_on_calibration_leaves_one_start_button(sqlite_store: Store) -> None:
    """A second tap while the first is still being saved does nothing."""
    real = load_course(REPO_ROOT / "data")
    con, apps = room(real, sqlite_store, (6,), ("连一", "连二"))
    pace(con, "m6-plan", "open")
    for app in apps:
        app.controller.tick()
        app.page.view.fill({s.id: TEXT for s in app.page.view.template.sections})
        app.page.view.submit()
    pace(con, "m6-plan", "closed")
    pace(con, "m6-review", "open")
    first = apps[0]
    first.controller.tick()
    slow = Deferred()
    first.controller.runner = slow
    review = first.page.view
    review.rubric_input.set_scores({c.id: 3 for c in review.rubric.criteria})
    button = find(review, "button", "提交校准评分")
    button.press()
    assert button.disabled  # until the save is done
    button.press()
    button.click()
    assert slow.drain() == 1
    assert len(find_all(review, "button", "开始评审同伴的方案")) == 1
    wid = con.controller.workshop.id
    assert len(peer.calibration_scores(sqlite_store, wid, "m6-review")) == 1
    close(con, *apps)


def test_peer_review_work_is_autosaved_and_restored_on_reload(sqlite_store: Store) -> None:
    real = load_course(REPO_ROOT / "data")
    con, apps = room(real, sqlite_store, (6,), ("存一", "存二", "存三"))
    pace(con, "m6-plan", "open")
    for app in apps:
        app.controller.tick()
        app.page.view.fill({s.id: TEXT for s in app.page.view.template.sections})
        app.page.view.submit()
    pace(con, "m6-plan", "closed")
    activities.set_state(sqlite_store, con.controller.workshop.id, "m6-review", "open")
    first = apps[1]
    first.controller.tick()
    review = first.page.view
    if first.controller.state.activity.review.step == "calibrate":
        review.rubric_input.set_scores({c.id: 3 for c in review.rubric.criteria})
        find(review, "button", "提交校准评分").press()
        find(review, "button", "开始评审同伴的方案").press()
    crit = review.rubric.criteria[0].id
    review.rubric_input.set_scores({crit: 2})
    review.rubric_input.inputs[crit]._on_change()
    review.comment.value = "先致歉再说明,会更好。"
    assert first.controller.autosave.flush(force=True) == 1
    reloaded = seat_trainee(real, sqlite_store, con.controller.workshop.code, "x")
    close(reloaded)
    from kit.pages.trainee import open_trainee

    again = open_trainee(real, lambda: sqlite_store, autostart=False)
    again.controller.runner = first.controller.runner
    again.bridge.query = first.bridge.url_query
    view = again.page.view
    assert view.rubric_input.scores == {crit: 2}
    assert view.comment.value == "先致歉再说明,会更好。"
    close(con, *apps, again)
