"""Export every format, read the files back, and check the figures against the store."""

from __future__ import annotations

import csv
from html.parser import HTMLParser
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from kit.logic.classify import score
from kit.logic.questions import for_activity
from kit.reports.frames_more import RECORD_COLUMNS
from kit.reports.run import export
from kit.store import participants, work, workshops
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
    overview = html.split("<section class='page'>")[0]
    ws = workshops.by_code(session.store, session.code)
    assert ws is not None
    names = [p.name for p in participants.roster(session.store, ws.id)]
    assert not any(n in overview for n in names)
    assert all(f"学员个人记录:{n}" in html for n in names)


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


def test_hostile_text_is_escaped_in_the_html_report(out: Path) -> None:
    from kit.content import load_course
    from kit.demo import Seat
    from kit.settings import REPO_ROOT
    from kit.store import Store, activities

    course = load_course(REPO_ROOT / "data")
    store = Store(f"sqlite:///{out / 'x.db'}")
    ws, key = workshops.create(store, "<script>alert(1)</script>", (3,))
    p, _ = participants.join(store, ws.id, "<svg/onload=alert()>")
    activities.set_state(store, ws.id, "m3-plan", "open")
    payload = "<img src=x onerror=alert(2)>"
    sections = {s.id: payload for s in course.templates["handling-plan"].sections}
    Seat(store, ws.id, p.id).submit("m3-plan", "trouble-02", {"sections": sections})
    html = export(course, store, ws.code, key, "html", out / "x.html").read_text("utf-8")
    assert "<script>alert(1)" not in html and "<svg/onload" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "&lt;svg/onload=alert()&gt;" in html
    store.dispose()
