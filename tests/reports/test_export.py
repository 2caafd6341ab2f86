"""Export every format, read the files back, and check the figures against the store."""

from __future__ import annotations

import csv
from html.parser import HTMLParser
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from kit.content import Course, load_course
from kit.logic.classify import score
from kit.logic.questions import for_activity
from kit.reports.frames_more import RECORD_COLUMNS
from kit.reports.run import export
from kit.settings import REPO_ROOT
from kit.store import Store, activities, participants, peer, work, workshops
from tests.reports.conftest import Session


def run(s: Session, fmt: str, out: Path, anonymise: bool = False) -> Path:
    return export(s.course, s.store, s.code, s.key, fmt, out, anonymise)


def test_workbook_sheets_headers_and_figures(session: Session, out: Path) -> None:
    path = run(session, "xlsx", out / "s.xlsx")
    sheets = pd.read_excel(path, sheet_name=None)
    assert {"名单与出勤", "分类作答", "维度正确率", "混淆表", "一致性", "方案", "互评明细",
            "互评成绩", "评审者可靠性", "测验题目分析", "投票分布", "培训记录"} <= set(sheets)
    ws = workshops.by_code(session.store, session.code)
    assert ws is not None
    assert len(sheets["名单与出勤"]) == len(participants.roster(session.store, ws.id))
    act = "m3-daily-problems"
    q = {x.id: x for x in for_activity(session.course, act)}
    subs = work.latest(session.store, ws.id, act)
    expected = [score(s.payload["answer"].get("problem", []), q[s.item_id].asks[0].key or (),
                      "single") for s in subs]
    acc = sheets["维度正确率"]
    title = session.course.activity(act).title
    got = acc[(acc["活动"] == title) & (acc["维度"] == "日常八大投诉问题")]["平均得分"].item()
    assert got == pytest.approx(sum(expected) / len(expected))
    book = openpyxl.load_workbook(path)
    assert book["分类作答"].freeze_panes == "A2"
    assert book["名单与出勤"].column_dimensions["A"].width >= 8


def test_peer_medians_match_the_store(session: Session, out: Path) -> None:
    """Each draft's median per criterion in the workbook is the median of its reviews."""
    from kit.logic.peer import medians
    from kit.store import peer

    path = run(session, "xlsx", out / "s.xlsx")
    scores = pd.read_excel(path, sheet_name="互评成绩")
    ws = workshops.by_code(session.store, session.code)
    assert ws is not None and not scores.empty
    names = {p.id: p.name for p in participants.roster(session.store, ws.id)}
    act = session.course.activity("m6-review")
    got = peer.all_reviews(session.store, ws.id, act.id)
    crit = {c.id: c.name for c in session.course.rubrics[act.rubric].criteria}  # type: ignore[union-attr]
    checked = 0
    for author in {r.author for r in got}:
        want = medians([r.scores for r in got if r.author == author])
        for cid, value in want.items():
            row = scores[(scores["活动"] == act.title) & (scores["作者"] == names[author])
                         & (scores["标准"] == crit[cid])]
            assert row["同伴中位数"].item() == pytest.approx(value)
            checked += 1
    assert checked >= 10


def test_training_record_is_stable_csv(session: Session, out: Path) -> None:
    path = run(session, "record", out / "record.csv")
    with path.open(encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == RECORD_COLUMNS and len(rows) == 24
    assert all(0 <= float(r["completion"]) <= 1 for r in rows)
    assert {r["session_code"] for r in rows} == {session.code}


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_report_is_self_contained_and_keeps_names_off_the_overview(
        session: Session, out: Path) -> None:
    html = run(session, "html", out / "r.html").read_text("utf-8")
    parser = _Collect()
    parser.feed(html)
    assert not any(t == "script" for t, _ in parser.tags)
    assert not any((a.get("src") or a.get("href") or "").startswith("http") for _, a in parser.tags)
    overview, appendix = html.split("<div class='appendix'>")
    ws = workshops.by_code(session.store, session.code)
    assert ws is not None
    names = [p.name for p in participants.roster(session.store, ws.id)]
    assert not any(n in overview for n in names)
    assert all(f"<tr><td>{n}</td>" in appendix for n in names)


def test_anonymised_exports_use_stable_pseudonyms(session: Session, out: Path) -> None:
    sheet = "名单与出勤.csv"
    first = (run(session, "csv", out / "a", anonymise=True) / sheet).read_text("utf-8-sig")
    again = (run(session, "csv", out / "b", anonymise=True) / sheet).read_text("utf-8-sig")
    ws = workshops.by_code(session.store, session.code)
    assert ws is not None
    assert first == again and "学员-" in first
    assert not any(p.name in first for p in participants.roster(session.store, ws.id))


def test_exports_need_the_instructor_key(session: Session, out: Path) -> None:
    with pytest.raises(workshops.AccessDenied):
        export(session.course, session.store, session.code, "WRONG", "xlsx", out / "x.xlsx")
    assert not (out / "x.xlsx").exists()


HOSTILE_NAMES = ("<script>x</script>", "<img src onerror=x>")
HOSTILE_TEXT = ("<img src=x onerror=alert(2)>", "<script>alert(3)</script>")


def _hostile_session(out: Path) -> tuple[Course, Store, str, str]:
    """A workshop whose title, trainee names, drafts and review comments are all markup."""
    course = load_course(REPO_ROOT / "data")
    store = Store(f"sqlite:///{out / 'x.db'}")
    ws, key = workshops.create(store, "<script>alert(1)</script>", (3, 6),
                               instructor="<img src=y onerror=z>")
    people = [participants.join(store, ws.id, n)[0] for n in (*HOSTILE_NAMES, "王芳")]
    for aid in ("m3-plan", "m6-plan"):
        activities.set_state(store, ws.id, aid, "open")
    for i, p in enumerate(people):
        text = HOSTILE_TEXT[i % 2]
        work.submit(store, ws.id, p.id, "m3-plan", "trouble-02", {"sections": {
            s.id: text for s in course.templates["handling-plan"].sections}}, f"a{i}")
        work.submit(store, ws.id, p.id, "m6-plan", "cc-01", {"sections": {
            s.id: text for s in course.templates["handling-plan"].sections}}, f"b{i}")
    activities.set_state(store, ws.id, "m6-review", "open")
    for p in people:
        while (a := peer.next_allocation(store, ws.id, "m6-review", "m6-plan", p.id, 2)):
            peer.review(store, a.id, p.id, {c.id: 4 for c in course.rubrics[
                "handling-plan"].criteria}, HOSTILE_TEXT[1], f"r{a.id}")
    return course, store, ws.code, key


def test_hostile_text_is_escaped_in_the_report_and_certificates(out: Path) -> None:
    course, store, code, key = _hostile_session(out)
    for fmt in ("html", "certificates"):
        html = export(course, store, code, key, fmt, out / f"x-{fmt}.html").read_text("utf-8")
        for raw in (*HOSTILE_NAMES, *HOSTILE_TEXT, "<script>alert(1)", "<img src=y"):
            assert raw not in html, (fmt, raw)
        assert "&lt;script&gt;x&lt;/script&gt;" in html and "&lt;img src onerror=x&gt;" in html
    report = (out / "x-html.html").read_text("utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in report
    assert "优秀方案 1" in report and "&lt;img src=x onerror=alert(2)&gt;" in report
    assert "培训合格证书" in (out / "x-certificates.html").read_text("utf-8")
    store.dispose()


FORMULA_NAME, FORMULA_TEXT = "=1+1", '=HYPERLINK("http://example.invalid","点我")'


def test_trainee_text_that_looks_like_a_formula_stays_text_in_the_workbook(out: Path) -> None:
    """A name or a draft that starts with "=" is written as text: Excel never runs it, and no
    web address becomes a link (formula injection, as OWASP calls it)."""
    course = load_course(REPO_ROOT / "data")
    store = Store(f"sqlite:///{out / 'f.db'}")
    ws, key = workshops.create(store, "公式", (3,))
    who = participants.join(store, ws.id, FORMULA_NAME)[0]
    activities.set_state(store, ws.id, "m3-plan", "open")
    work.submit(store, ws.id, who.id, "m3-plan", "trouble-02", {"sections": {
        s.id: FORMULA_TEXT for s in course.templates["handling-plan"].sections}}, "f1")
    book = openpyxl.load_workbook(export(course, store, ws.code, key, "xlsx", out / "f.xlsx"))
    cells = [c for sheet in book.worksheets for row in sheet.iter_rows() for c in row
             if isinstance(c.value, str) and c.value.startswith("=")]
    assert {c.value for c in cells} >= {FORMULA_NAME, FORMULA_TEXT}
    assert all(c.data_type == "s" and c.hyperlink is None for c in cells), cells
    store.dispose()
