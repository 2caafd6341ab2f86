"""文案审查 without a browser: paste, click 审查, read what the trainee would see."""

from __future__ import annotations

import html
from collections.abc import Iterator

import pytest

from kit.content import load_course
from kit.logic import classify
from kit.logic.copycheck import review
from kit.logic.copycheck.compare import compare_class
from kit.logic.questions import for_activity
from kit.logic.rules import Finding as HintFinding
from kit.settings import REPO_ROOT
from kit.testing import close
from kit.widgets._base import FALLBACK
from kit.widgets.copy_compare import comparison_html
from kit.widgets.copy_review import CopyReviewView
from kit.widgets.feedback import feedback_html
from kit.widgets.hints import hints_html

COURSE = load_course(REPO_ROOT / "data")
RULES = COURSE.ad_rules
assert RULES is not None


@pytest.fixture
def v() -> Iterator[CopyReviewView]:
    page = CopyReviewView(lambda text: review(text, RULES))
    yield page
    close(page)


def test_findings_are_highlighted_in_the_pasted_copy_with_code_title_source_and_rewrite(
        v: CopyReviewView) -> None:
    v.text.value = "“稳盈”理财保本保息，经监管部门认证！"
    v.check_button.click()
    assert "<mark" in v.marked.value and ">保本保息</mark>" in v.marked.value
    assert ">监管部门认证</mark>" in v.marked.value
    result = v.result.value
    for part in ("M1", "M6", "M8", "对非保本产品承诺或暗示保本保收益", "建议改为", "依据：",
                 "金融机构产品适当性管理办法"):
        assert part in result
    assert "[V]" not in result and "[S]" not in result


def test_hostile_copy_is_escaped(v: CopyReviewView) -> None:
    v.text.value = '<img src=x onerror="alert(1)">保本理财<script>alert(2)</script>'
    v.check()
    assert "<img" not in v.marked.value and "<script>" not in v.marked.value
    assert html.escape("<img src=x") in v.marked.value and ">保本</mark>" in v.marked.value


def test_clean_copy_says_so_and_empty_input_is_refused_kindly(v: CopyReviewView) -> None:
    v.check()
    assert "请先粘贴" in v.notice.value and v.result.value == ""
    v.text.value = "三年期整存整取年利率1.95%，以网点公告为准。"
    v.check()
    assert "未发现违规表述" in v.result.value and v.notice.value == ""


def test_a_failing_checker_shows_the_fallback_not_a_traceback() -> None:
    def broken(_: str) -> object:
        raise RuntimeError("boom")

    page = CopyReviewView(broken)  # type: ignore[arg-type]
    page.text.value = "保本"
    page.check()
    assert FALLBACK in page.notice.value and "boom" not in page.notice.value
    close(page)


def test_people_against_the_checker_on_the_projector() -> None:
    act = COURSE.activity("m2-copy-review")
    checker = {c: review(COURSE.cases[c].narrative, RULES).codes for c in act.cases}  # type: ignore[union-attr]
    answers = {"copy-14": [["M5"], ["M5"], ["M0"]]}
    out = comparison_html(compare_class(answers, checker),
                          {c: COURSE.cases[c].title for c in checker},
                          {lab.code: lab.name for lab in COURSE.dimension("ad_rule").labels})
    assert "代理保险宣传折页" in out and "2（67%）" in out and "1 处分歧" in out


def test_hints_and_feedback_show_plain_citations() -> None:
    source = "某办法第18条 [V]；某页面 [S] 来源：x.cn"
    hint = HintFinding("r", "标题", "说明", None, "", source, "warn")
    assert "依据：某办法第18条；某页面（来源：x.cn）" in hints_html([hint], {})
    question = for_activity(COURSE, "m1-quiz-complaints")[0]
    shown = feedback_html(question, classify.grade(question, {"answer": ["A"]}))
    assert "依据：" in shown and "[V]" not in shown and "[S]" not in shown
