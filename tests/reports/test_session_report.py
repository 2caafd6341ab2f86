"""The session report: cover, a section per activity, percentages, weakest points, appendix."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kit.content import Course, load_course
from kit.logic.questions import for_activity
from kit.reports.data import load
from kit.reports.figures import question_figures
from kit.reports.html import document
from kit.reports.names import export_name
from kit.reports.report import body
from kit.reports.results import session_results
from kit.reports.weakpoints import weak_points
from kit.settings import REPO_ROOT
from kit.store import participants, peer, work, workshops
from tests.reports.conftest import Session
from tests.reports.memory import answer, person, session


@pytest.fixture(scope="module")
def course() -> Course:
    return load_course(REPO_ROOT / "data")


def _html(s: Session, anonymise: bool = False) -> str:
    return document(load(s.course, s.store, s.code, s.key, anonymise))


def test_cover_attendance_and_one_section_per_activity(session: Session) -> None:
    html = _html(session)
    ws = workshops.by_code(session.store, session.code)
    assert ws is not None
    people = participants.roster(session.store, ws.id)
    worked = {s.participant_id for s in work.latest_all(session.store, ws.id)}
    worked |= {rv.reviewer for rv in peer.all_reviews(session.store, ws.id, "m6-review")}
    cover = html.split("<section class='activity'>")[0]
    assert f"加入 {len(people)} 人 · 参与 {len(worked)} 人" in cover
    assert "模块 1 金融消费者权益保护政策解读" in cover and "讲师</th><td>未填写" in cover
    acts = [a for m in session.course.modules if m.number in ws.modules for a in m.activities]
    titles = re.findall(r"<h2>\d+\. (.*?) <small>", html)
    assert titles == [a.title for a in acts]
    body_text = html.split("<div class='appendix'>")[0]
    assert all(q.body[:20] in body_text for q in for_activity(session.course, "m1-quiz-rights"))


def test_shares_are_percentages_and_only_chosen_labels_are_drawn(session: Session) -> None:
    html = _html(session).split("<div class='appendix'>")[0]
    assert re.findall(r"平均得分 <b>\d+%</b>", html)
    assert not re.search(r"平均得分 <b>0\.\d", html)
    d = load(session.course, session.store, session.code, session.key)
    fig = question_figures(d, session.course.activity("m1-quiz-final"), session_results(d))
    for a in fig.asks:
        chosen = {c for s in d.submissions if s.activity_id == "m1-quiz-final"
                  and s.item_id == a.question.id for c in s.payload["answer"]["answer"]}
        assert {p.code for p in a.picks} == chosen
        assert all(p.count > 0 for p in a.picks)


def test_weakest_points_are_sentences_from_the_figures(course: Course) -> None:
    """Ten trainees, two cases on 日常八大投诉问题: 过号 right 3 times, taken for 等待时间长 7
    times; 业务办理不成功 right 5 times, taken for 等待时间长 3 and 主动闹事 2 times.
    Correct 8 / 20 = 40 %; 7 of the 12 errors are 过号 → 等待时间长 (58 %)."""
    subs = []
    for i in range(1, 11):
        missed = "P2" if i <= 3 else "P1"
        failed = "P3" if i <= 5 else ("P1" if i <= 8 else "P4")
        subs.append(answer(i, "m3-daily-problems", "missed-01",
                           {"problem": [missed], "cause": ["C03", "C05"], "severity": ["S1"]}))
        subs.append(answer(i, "m3-daily-problems", "failed-01",
                           {"problem": [failed], "cause": ["C01", "C03"], "severity": ["S1"]}))
    d = session(course, (3,), [person(i, f"学员{i}") for i in range(1, 11)], subs)
    fig = question_figures(d, course.activity("m3-daily-problems"), session_results(d))
    points = weak_points([fig], [], [])
    assert points[0] == ("日常八大投诉问题拆解:「日常八大投诉问题」判断正确率 40%;"
                         "答错的多数(58%)是把「过号」判为「等待时间长」。")


def test_cover_names_the_instructor_and_the_appendix_every_activity(course: Course) -> None:
    d = session(course, (3,), [person(1, "张伟", "A1")], [], instructor="<b>李老师</b>")
    html = body(d)
    assert "讲师</th><td>&lt;b&gt;李老师&lt;/b&gt;" in html
    block = html.split("<div class='appendix'>")[1]
    assert "<tr><td>张伟</td><td>A1</td>" in block
    assert all(a.title in block for a in course.module(3).activities)
    assert block.count("<td class='n'>—</td>") == len(course.module(3).activities)


def test_anonymised_report_has_no_names_and_no_appendix(session: Session) -> None:
    html = _html(session, anonymise=True)
    ws = workshops.by_code(session.store, session.code)
    assert ws is not None
    assert "<div class='appendix'>" not in html and "本报告已匿名" in html
    assert not any(p.name in html for p in participants.roster(session.store, ws.id))


def test_anonymised_exports_have_their_own_file_names(tmp_path: Path) -> None:
    names = {export_name("ABCDE", f, a) for f in ("xlsx", "csv", "html", "pdf", "record")
             for a in (False, True)}
    assert len(names) == 10
    assert export_name("ABCDE", "record", True) == "ABCDE-记录-匿名.csv"
    assert all("匿名" in export_name("ABCDE", f, True) for f in ("xlsx", "html", "pdf"))


def test_pdf_without_a_browser_says_what_to_do_instead(session: Session, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from kit.reports.pdf import PdfUnavailable
    from kit.reports.run import export

    monkeypatch.setenv("KIT_CHROMIUM", str(tmp_path / "no-such-browser"))
    with pytest.raises(PdfUnavailable, match=r"未找到 Chromium.*HTML 报告"):
        export(session.course, session.store, session.code, session.key, "pdf",
               tmp_path / "r.pdf")
    assert not (tmp_path / "r.pdf").exists()
