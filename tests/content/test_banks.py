"""Question-bank import: GIFT, Aiken and Moodle XML fixtures, then the command end to end."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kit.content.banks import parse
from kit.content.banks.items import to_items
from kit.settings import REPO_ROOT

FIXTURES = Path(__file__).parent.parent / "fixtures" / "banks"


def line_of(name: str, text: str) -> int:
    lines = (FIXTURES / name).read_text("utf-8").splitlines()
    return next(i for i, line in enumerate(lines, start=1) if text in line)


def test_gift_fixture_questions_feedback_and_escapes() -> None:
    bank = parse((FIXTURES / "complaints.gift").read_text("utf-8"), "gift")
    by_title = {q.title: q for q in bank.questions}
    assert len(bank.questions) == 6
    first = by_title["受理时限"]
    assert first.line == line_of("complaints.gift", "::受理时限::")
    assert first.category == "$course$/top/消保培训/投诉处理" and first.kind == "single"
    assert [(o.text, o.correct) for o in first.options] == [("7 日", False), ("15 日", True),
                                                            ("30 日", False)]
    assert first.options[2].feedback == "这是情况复杂时延长后的上限。"
    assert first.feedback == "依据《银行业保险业消费投诉处理管理办法》第 18 条。"
    assert by_title["转义字符"].options[1].text == "在前面加反斜杠：\\{ 和 \\}"
    missing = next(q for q in bank.questions if not q.title)
    assert missing.text == "客户说“我要投诉: 你们收费不合理”时，员工首先应当 _____ 再核实情况。"
    signs = by_title["等号与井号"]
    assert [o.text for o in signs.options] == ["= 2 + 2", "= 2 + 3", "= 2 + 4"]
    assert signs.options[1].correct and signs.feedback == "注意 # 号和 ~ 号也要转义"


def test_gift_true_false_and_multiple_answers() -> None:
    bank = parse((FIXTURES / "complaints.gift").read_text("utf-8"), "gift")
    by_title = {q.title: q for q in bank.questions}
    tf = by_title["拒绝受理"]
    assert tf.kind == "truefalse" and [o.correct for o in tf.options] == [False, True]
    assert tf.options[0].feedback.startswith("不对") and tf.options[1].feedback.startswith("对")
    rights = by_title["八项权利"]
    assert rights.kind == "multi" and [o.correct for o in rights.options] == [True, True, False]
    items = to_items(bank, 3, "gift", set()).items
    tf_item = next(i for i in items if i["question"].startswith("银行可以"))
    assert tf_item["options"] == [{"code": "T", "text": "正确"}, {"code": "F", "text": "错误"}]
    assert tf_item["answer"] == ["F"] and tf_item["draft"] is True
    assert tf_item["explanation"] == ("选“正确”:不对：投诉由银行负责处理，不能推诿。;"
                                      "选“错误”:对：银行应当受理并告知处理流程。")


def test_gift_unsupported_types_are_listed_with_their_lines() -> None:
    bank = parse((FIXTURES / "complaints.gift").read_text("utf-8"), "gift")
    found = {(s.line, s.kind) for s in bank.skipped}
    assert found == {(line_of("complaints.gift", "::问答题::"), "问答题"),
                     (line_of("complaints.gift", "::数值题::"), "数值题"),
                     (line_of("complaints.gift", "::匹配题::"), "匹配题"),
                     (line_of("complaints.gift", "::简答题::"), "简答题"),
                     (line_of("complaints.gift", "只是说明文字"), "说明文字")}


def test_gift_constructs_of_moodles_documented_examples() -> None:
    """The constructs Moodle documents for GIFT (our own wording, not Moodle's text)."""
    source = "\n".join([
        "// a comment line", "Paris is {~near =in ~far from} France.", "",
        "::Sky:: The sky is blue.{T}", "", "Water is dry.{FALSE#It is wet.}", "",
        "Pick two.{~%50%one ~%50%two ~%-100%three}", "",
        "Hard one.{~wrong ~%50%half =full#well done}", "",
        "[markdown]Which is **bold**?{=this ~that}", "",
        "Which is not a control character?{~\\~ ~\\= =\\\\ #Right: a backslash}", "",
        "::Multi\nline:: first line\nsecond line {=yes ~no}", "",
        "[html]<p>Is <b>this</b> bold?</p>{T}"])
    bank = parse(source, "gift")
    q = bank.questions
    assert q[0].text == "Paris is _____ France." and q[0].options[1].correct
    assert q[1].title == "Sky" and q[1].options[0].correct
    # the first feedback is for a wrong answer (Moodle): here for choosing 正确
    assert q[2].options[1].correct and q[2].options[0].feedback == "It is wet."
    assert q[3].kind == "multi" and [o.correct for o in q[3].options] == [True, True, False]
    assert q[4].kind == "single" and [o.correct for o in q[4].options] == [False, False, True]
    assert q[4].notes and "部分得分" in q[4].notes[0]
    assert q[5].text == "Which is **bold**?"
    assert [o.text for o in q[6].options] == ["~", "=", "\\"]
    assert q[7].title == "Multi\nline" and q[7].text == "first line\nsecond line"
    assert q[8].text == "Is this bold?" and q[8].kind == "truefalse"
    assert not bank.skipped


def test_aiken_fixture() -> None:
    bank = parse((FIXTURES / "complaints.aiken.txt").read_text("utf-8"), "aiken")
    assert len(bank.questions) == 3
    assert [o.correct for o in bank.questions[0].options] == [False, True, False, False]
    assert bank.questions[2].options[0].text == "不因年龄受到歧视"
    assert {(s.line, s.reason) for s in bank.skipped} == {
        (line_of("complaints.aiken.txt", "没有写答案行"), "缺少 ANSWER: 行"),
        (line_of("complaints.aiken.txt", "不在选项中"), "答案 'E' 不是选项字母之一")}


def test_moodle_xml_fixture() -> None:
    bank = parse((FIXTURES / "complaints.moodle.xml").read_text("utf-8"), "moodle-xml")
    first, multi, tf = bank.questions
    assert first.text == "对于事实清楚的投诉，银行应自收到之日起 多少日 内作出处理决定？"
    assert first.feedback == "依据第 18 条 & 相关解读。" and first.options[1].correct
    assert first.category.endswith("投诉时限") and first.line == line_of(
        "complaints.moodle.xml", '<question type="multichoice">')
    assert multi.kind == "multi" and [o.correct for o in multi.options] == [True, True, False]
    assert tf.kind == "truefalse" and not tf.options[0].correct
    assert {(s.line, s.kind) for s in bank.skipped} == {
        (line_of("complaints.moodle.xml", "shortanswer"), "简答题"),
        (line_of("complaints.moodle.xml", "essay"), "问答题")}


def test_moodle_xml_with_a_dtd_is_refused() -> None:
    hostile = ('<?xml version="1.0"?><!DOCTYPE q [<!ENTITY a "aaaa">]>'
               "<quiz><question type='truefalse'><questiontext><text>&a;</text>"
               "</questiontext></question></quiz>")
    with pytest.raises(ValueError, match="DTD"):
        parse(hostile, "moodle-xml")


def kit(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kit", *args], cwd=REPO_ROOT,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(REPO_ROOT / "data", target)
    return target


def test_import_bank_writes_drafts_that_validate_but_no_activity_may_use(data: Path) -> None:
    out = data / "quizzes" / "bank_m3.yaml"
    done = kit("content", "import-bank", str(FIXTURES / "complaints.gift"), "--format", "gift",
               "--module", "3", "--out", str(out), "--data", str(data))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "6 道草稿题" in done.stdout and "未导入 5 道" in done.stdout
    assert f"第 {line_of('complaints.gift', '::匹配题::')} 行:匹配题" in done.stdout
    text = out.read_text("utf-8")
    assert text.count("    draft: true\n") == 6 and "# 导入自 complaints.gift 第" in text
    checked = kit("validate", str(data), "--no-schemas")
    assert checked.returncode == 0, checked.stdout
    assert "另有 6 道草稿题" in checked.stdout
    assert "quizzes/bank_m3.yaml:" in checked.stdout and "草稿题 bank_m3-001" in checked.stdout
    modules = data / "modules.yaml"
    modules.write_text(modules.read_text("utf-8").replace("items: [q1-001,", "items: [bank_m3-001,",
                                                          1), "utf-8")
    used = kit("validate", str(data), "--no-schemas")
    assert used.returncode == 1 and "'bank_m3-001' 仍是草稿" in used.stdout, used.stdout


def test_import_bank_refuses_to_overwrite_and_reads_gb18030(data: Path, tmp_path: Path) -> None:
    source = tmp_path / "题库.txt"
    source.write_bytes((FIXTURES / "complaints.aiken.txt").read_text("utf-8").encode("gb18030"))
    out = data / "quizzes" / "aiken.yaml"
    args = ["content", "import-bank", str(source), "--format", "aiken", "--module", "4",
            "--out", str(out), "--data", str(data)]
    done = kit(*args)
    assert done.returncode == 0 and "gb18030" in done.stdout, done.stdout + done.stderr
    assert "不因年龄受到歧视" in out.read_text("utf-8")
    before = out.read_bytes()
    again = kit(*args)
    assert again.returncode == 1 and "已存在" in again.stdout and out.read_bytes() == before
