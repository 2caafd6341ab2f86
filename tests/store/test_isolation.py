"""Two workshops of one module share activity ids; nothing of one reaches the other."""

from __future__ import annotations

import uuid
from pathlib import Path

from kit.content import Course, load_course
from kit.logic.phases import Phase
from kit.reports.run import export
from kit.settings import REPO_ROOT
from kit.store import Store, activities, events, participants, peer, work, workshops
from kit.testing import all_text, close, open_console_as

MARK = "甲场专属"
TEXT = "您好,非常抱歉给您添麻烦了,我们会在三个工作日内核实并回电,如有异议可申请核查或调解。"


def fill_a(course: Course, store: Store) -> int:
    """Workshop A: drafts, calibrations, reviews, an override, answers, a logged problem."""
    ws, _ = workshops.create(store, f"{MARK}工作坊", (3, 6))
    people = [participants.join(store, ws.id, f"{MARK}{i}")[0].id for i in range(3)]
    for aid in ("m6-plan", "m3-daily-problems"):
        activities.set_state(store, ws.id, aid, Phase.OPEN)
    plan = course.templates[course.activity("m6-plan").template]  # type: ignore[union-attr]
    for p in people:
        sections = {s.id: f"{MARK}{TEXT}" for s in plan.sections}
        work.submit(store, ws.id, p, "m6-plan", "pr-04", {"sections": sections}, uuid.uuid4().hex)
        work.submit(store, ws.id, p, "m3-daily-problems", "wait-01",
                    {"answer": {"problem": ["P1"]}}, uuid.uuid4().hex)
    activities.set_state(store, ws.id, "m6-review", Phase.OPEN)
    exemplar = next(e for e in course.exemplars.values()
                    if e.rubric == course.activity("m6-review").rubric)  # type: ignore[union-attr]
    for p in people:
        peer.calibrate(store, ws.id, p, "m6-review", exemplar.id, dict(exemplar.scores))
        got = peer.next_allocation(store, ws.id, "m6-review", "m6-plan", p, 1)
        assert got is not None
        peer.review(store, got.id, p, dict(exemplar.scores), f"{MARK}评语", uuid.uuid4().hex)
    peer.override(store, ws.id, "m6-review", people[0], next(iter(exemplar.scores)), 1)
    events.record(store, ws.id, people[0], "trainee", f"{MARK}问题", "Traceback …")
    return ws.id


def test_nothing_of_one_workshop_reaches_the_pages_or_exports_of_another(tmp_path: Path) -> None:
    course = load_course(REPO_ROOT / "data")
    store = Store(f"sqlite:///{tmp_path / 'k.sqlite3'}")
    a = fill_a(course, store)
    ws_b, key_b = workshops.create(store, "乙场", (3, 6))
    mine = participants.join(store, ws_b.id, "乙场学员")[0].id
    con = open_console_as(course, store, ws_b.code, key_b)
    con.controller.actions.names(True)
    for aid in ("m3-daily-problems", "m6-plan", "m6-review"):
        activities.set_state(store, ws_b.id, aid, Phase.OPEN)
        con.controller.actions.show(aid)
        board = con.controller.state.boards[aid]
        assert not board.answers and not board.drafts and not board.reviews
        assert set(board.calibrations) <= {mine} and not board.overrides
        assert MARK not in all_text(con.page)
    assert not con.controller.state.problems
    assert events.recent(store, a)  # A's problem is there, for A only
    for fmt, name in (("xlsx", "b.xlsx"), ("html", "b.html"), ("record", "b.csv"),
                      ("csv", "b-csv")):
        path = export(course, store, ws_b.code, key_b, fmt, tmp_path / name)
        files = [path] if path.is_file() else list(path.iterdir())
        for file in files:
            data = file.read_bytes()
            if file.suffix == ".xlsx":
                import openpyxl

                book = openpyxl.load_workbook(file)
                data = "".join(str(c.value) for sh in book for row in sh.iter_rows()
                               for c in row).encode()
            assert MARK.encode() not in data, file
    close(con)
    store.dispose()
