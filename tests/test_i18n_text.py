"""English outside the pages (#21): validator messages, CLI help and output, and reports.

The language of ``kit`` on the command line is ``KIT_LANG`` (read when kit.i18n is imported,
so before argparse builds its help); a report has its own ``--lang``. Chinese stays the
default, unchanged.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from kit import i18n
from kit.content import Course, load_course
from kit.demo import run_demo
from kit.reports.run import export
from kit.settings import REPO_ROOT
from kit.store import Store

FIXTURES = Path(__file__).parent / "fixtures" / "content"
CJK = re.compile(r"[\u4e00-\u9fff]")


def kit(*args: str, lang: str | None = None, cwd: Path = REPO_ROOT
        ) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "KIT_LANG"}
    if lang:
        env["KIT_LANG"] = lang
    return subprocess.run([sys.executable, "-m", "kit", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


def broken(tmp_path: Path, name: str) -> Path:
    target = tmp_path / "data"
    shutil.copytree(FIXTURES / "base", target)
    shutil.copytree(FIXTURES / "broken" / name, target, dirs_exist_ok=True)
    (target / "expected.txt").unlink()
    return target


@pytest.mark.parametrize(("name", "english", "chinese"), [
    ("dangling_ref", "referenced case 'scene-99' does not exist", "引用的案例 'scene-99' 不存在"),
    ("scenario_dangling", "target 'helo' does not exist (neither a node nor an ending)",
     "跳转目标 'helo' 不存在(既不是节点也不是结局)"),
])
def test_validate_speaks_english_with_kit_lang(tmp_path: Path, name: str, english: str,
                                               chinese: str) -> None:
    data = broken(tmp_path, name)
    where = (FIXTURES / "broken" / name / "expected.txt").read_text("utf-8").strip()
    en = kit("validate", str(data), "--no-schemas", lang="en")
    assert en.returncode == 1
    assert f"{where} {english}" in en.stdout.splitlines(), en.stdout
    assert en.stdout.splitlines()[-1] == "Validation failed: 1 problem(s)."
    assert not CJK.search(en.stdout), en.stdout
    zh = kit("validate", str(data), "--no-schemas")
    assert f"{where} {chinese}" in zh.stdout.splitlines(), zh.stdout
    assert zh.stdout.splitlines()[-1] == "校验未通过:共 1 个问题。"


def test_shipped_content_validates_in_english() -> None:
    proc = kit("validate", "--no-schemas", lang="en")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    first = proc.stdout.splitlines()[0]
    assert first.startswith("Validation passed: ") and " cases, " in first, first
    assert not CJK.search(first), first


def test_help_is_english_with_kit_lang() -> None:
    top = kit("--help", lang="en")
    assert "Consumer-protection workshop kit: command-line tools" in top.stdout
    assert "Validate the course content under data/" in top.stdout
    assert "校验 data/ 下的课程内容" in kit("--help").stdout
    sub = kit("export", "--help", lang="en")
    assert sub.returncode == 0
    flat = " ".join(sub.stdout.split())
    for text in ("Participation code", "Instructor key", "replace names and staff numbers",
                 "language of the report"):
        assert text in flat, sub.stdout
    assert not CJK.search(sub.stdout), sub.stdout


@pytest.fixture(scope="module")
def session(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Course, Store, str, str]]:
    course = load_course(REPO_ROOT / "data")
    store = Store(f"sqlite:///{tmp_path_factory.mktemp('i18n') / 'kit.sqlite3'}")
    demo = run_demo(course, store, 12, (1, 3))
    yield course, store, demo.code, demo.key
    store.dispose()


def headings(html: str) -> list[str]:
    return re.findall(r"<h[1-3]>(.*?)</h[1-3]>", html)


def test_english_report_has_english_headings_and_chinese_content(
        session: tuple[Course, Store, str, str], tmp_path: Path) -> None:
    course, store, code, key = session
    en = export(course, store, code, key, "html", tmp_path / "en.html", lang="en").read_text()
    zh = export(course, store, code, key, "html", tmp_path / "zh.html").read_text()
    assert i18n.current() == "zh"  # the report's language does not leak into the process
    assert "<html lang='en'>" in en and "<html lang='zh-CN'>" in zh
    assert "Where the class most needs to improve" in headings(en)
    assert "全班最需要加强的地方" in headings(zh)
    assert "Appendix: each trainee's results" in headings(en)
    assert "By question" in headings(en) and "逐题" in headings(zh)
    subheads = re.findall(r"<h3>(.*?)</h3>", en)  # all of them the report's own words
    assert subheads and not any(CJK.search(h) for h in subheads), subheads
    title = course.module(1).activities[0].title
    assert CJK.search(title) and title in en  # content stays as written
    assert "本报告" not in en and "正文不含学员姓名" in zh
    weak = re.findall(r"<li>(.*?)</li>", en.split("<ol class='weak'>")[1].split("</ol>")[0])
    english = ("judged correctly by", "answered correctly by", "low agreement among trainees",
               "is the weakest criterion", "of the drafts drew the hint", "no clear weak points")
    assert weak and all(any(e in w for e in english) for w in weak), weak


def test_english_workbook_sheets_and_columns(session: tuple[Course, Store, str, str],
                                             tmp_path: Path) -> None:
    import pandas as pd

    course, store, code, key = session
    en = pd.read_excel(export(course, store, code, key, "xlsx", tmp_path / "en.xlsx",
                              lang="en"), sheet_name=None)
    zh = pd.read_excel(export(course, store, code, key, "xlsx", tmp_path / "zh.xlsx"),
                       sheet_name=None)
    assert list(en) == [
        "Roster and attendance", "Activity times", "Classification answers",
        "Accuracy by dimension", "Confusion", "Agreement", "Plan", "Peer reviews",
        "Peer scores", "Reviewer reliability", "Quiz item analysis", "Poll results",
        "Role-play", "Training record"]
    assert list(zh) == ["名单与出勤", "活动用时", "分类作答", "维度正确率", "混淆表", "一致性",
                        "方案", "互评明细", "互评成绩", "评审者可靠性", "测验题目分析", "投票分布",
                        "情景演练", "培训记录"]
    assert list(en["Roster and attendance"].columns) == [
        "Name", "Staff ID", "Group no.", "Joined at", "Last seen", "Minutes present", "Status"]
    assert list(zh["名单与出勤"].columns)[:2] == ["姓名", "工号"]
    assert set(en["Roster and attendance"]["Status"]) <= {"joined", "working", "submitted",
                                                          "reviewing"}
    assert list(en["Training record"].columns) == list(zh["培训记录"].columns)  # stable format
    assert list(en["Role-play"].columns) == [
        "Activity", "Scenario", "Trainee", "Group", "Attempt", "Path (reply numbers)",
        "Nodes passed", "Mood trace", "Ending", "Ended by mood", "Score", "Reception",
        "Verification", "Clarification", "Solution", "Apology and empathy", "Follow-up",
        "Public opinion", "Breaches", "Finished", "Started", "Last step"]
    assert list(zh["情景演练"].columns)[11:15] == ["接待", "核实", "澄清", "方案"]


def test_export_command_takes_lang(session: tuple[Course, Store, str, str],
                                   tmp_path: Path) -> None:
    _course, store, code, key = session
    db = store.url
    done = kit("export", code, "--key", key, "--format", "html", "--db", db, "--lang", "en",
               cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.strip() == f"已导出:{code}-report.html"  # messages follow KIT_LANG
    html = (tmp_path / f"{code}-report.html").read_text("utf-8")
    assert "<p class='sub'>Training report</p>" in html


def test_workbook_import_problems_in_english(tmp_path: Path) -> None:
    from tests.content.workbook_helpers import copy_data, edit, run_import
    from tests.content.workbook_helpers import export as export_book

    data = copy_data(tmp_path)
    book = export_book(data, tmp_path / "内容.xlsx")

    def damage(ws: object, cols: dict[str, str]) -> None:
        ws[f"{cols['标题']}1"] = "题目名称"  # type: ignore[index]

    edit(book, "案例", damage)
    i18n.use("en")
    try:
        code, out = run_import(data, book)
    finally:
        i18n.use("zh")
    assert code == 1
    lines = out.splitlines()
    assert '内容.xlsx:案例!A1: 标题: column "标题" is missing' in lines, out
    assert lines[-1] == "2 problem(s); no file was written.", out
    assert "缺少列「标题」" in run_import(data, book)[1]  # Chinese again once restored


def test_bank_import_in_english(tmp_path: Path) -> None:
    data = Path(shutil.copytree(REPO_ROOT / "data", tmp_path / "data"))
    bank = tmp_path / "bank.gift"
    bank.write_text("::Q1:: 投诉应在几日内处理？ {=15日 ~30日 ~60日}\n\n::Q2:: 谈谈你的看法 {}\n",
                    "utf-8")
    args = ("content", "import-bank", str(bank), "--format", "gift", "--module", "1",
            "--out", str(data / "quizzes" / "imported.yaml"), "--data", str(data), "--dry-run")
    en, zh = kit(*args, lang="en").stdout.splitlines(), kit(*args).stdout.splitlines()
    assert en[:3] == [
        "Check passed (--dry-run, nothing written): quizzes/imported.yaml, "
        "1 draft question(s) (draft: true).",
        "1 not imported:",
        "  line 3: essay question: essay questions (an empty {}) cannot be imported"], en
    assert zh[2] == "  第 3 行:问答题:不能导入问答题(空的 {})", zh


# Files whose every Chinese string is text for people (messages, help, report wording): each must
# go through the catalogue. Other modules in these packages also hold course vocabulary, the
# workbook's own headings or internal column keys, which stay Chinese on purpose.
WORDED = ("kit/cli.py", "kit/validate.py", "kit/content/problems.py", "kit/content/checks*.py",
          "kit/content/yamlsafe.py", "kit/content/drafts.py", "kit/content/scenario_io.py",
          "kit/content/twee*.py", "kit/content/banks/run.py", "kit/content/workbook/run.py",
          "kit/content/workbook/sheets.py", "kit/content/workbook/cells.py",
          "kit/commands/[!s]*.py", "kit/commands/scenario.py", "kit/reports/report.py",
          "kit/reports/sections.py", "kit/reports/weakpoints.py", "kit/reports/appendix.py",
          "kit/reports/certificates.py", "kit/reports/charts.py", "kit/reports/html.py",
          "kit/reports/pdf.py", "kit/reports/history.py", "kit/logic/itemreview.py")
KEYS = {("kit/validate.py", k) for k in ("维度", "案例", "测验题", "投票题", "模板", "量规", "模块",
                                         "规则集", "范例", "情景", "活动")}
KEYS |= {("kit/reports/weakpoints.py", "低")}  # compared with kit.logic.agreement's reading


def _unmarked(path: Path) -> list[str]:
    import ast

    tree = ast.parse(path.read_text("utf-8"))
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("_", "N_"):
            skip |= {id(sub) for sub in ast.walk(node)}
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            skip.add(id(node.value))  # docstrings
    rel = path.relative_to(REPO_ROOT).as_posix()
    return [f"{rel}:{n.lineno}: {n.value[:40]!r}" for n in ast.walk(tree)
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and CJK.search(n.value)
            and id(n) not in skip and (rel, n.value) not in KEYS
            and not n.value.lstrip().startswith("@page")]  # the CSS names its CJK fonts


def test_messages_help_and_report_wording_go_through_the_catalogue() -> None:
    files = sorted({p for pattern in WORDED for p in REPO_ROOT.glob(pattern)})
    assert len(files) > 30
    bad = [hit for path in files for hit in _unmarked(path)]
    assert not bad, "\n".join(bad)
