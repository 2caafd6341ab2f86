"""The course itself: outline coverage, minimum counts, notebooks that follow the outline."""

from __future__ import annotations

import json
import re
from collections import Counter

import pytest

from kit.content import Course, load_course
from kit.settings import REPO_ROOT

RIGHTS = ("财产安全权", "知情权", "自主选择权", "公平交易权", "依法求偿权", "受教育权", "受尊重权",
          "信息安全权")


@pytest.fixture(scope="module")
def course() -> Course:
    return load_course(REPO_ROOT / "data")


def notebook_text(path: str) -> tuple[str, str]:
    cells = json.loads((REPO_ROOT / path).read_text("utf-8"))["cells"]
    md = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
    return md, code


def test_every_outline_item_has_its_section_and_activities(course: Course) -> None:
    assert [m.number for m in course.outline] == list(range(1, 8))
    for module, outline in zip(sorted(course.modules, key=lambda m: m.number), course.outline,
                               strict=True):
        md, code = notebook_text(module.notebook)
        headings = re.findall(r"^#+\s*([\d.]+)\s", md, re.M)
        assert [e.id for e in outline.items] == headings, module.notebook
        placed = [a for e in outline.items for a in e.activities]
        assert sorted(placed) == sorted(a.id for a in module.activities)
        assert re.findall(r'app\.activity\("([^"]+)"\)', code) == placed


def test_outline_exercises_are_where_the_course_puts_them(course: Course) -> None:
    labels = {e.exercise for m in course.outline for e in m.items if e.exercise}
    wanted = {"案例分析", "分组讨论", "技能升级", "分组演练", "思考提升", "案例讨论", "情景演练"}
    assert wanted <= labels


def test_case_bank_minimums(course: Course) -> None:
    complaints = [c for c in course.cases.values() if c.kind == "complaint"]
    assert len(complaints) >= 60
    problems = Counter(c.key["problem"][0] for c in complaints)
    assert all(problems[f"P{i}"] >= 3 for i in range(1, 9)), problems
    categories = Counter(c.key["category"][0] for c in complaints)
    assert all(categories[f"K{i}"] >= 5 for i in range(1, 7)), categories
    assert set(Counter(c.difficulty for c in complaints)) == {1, 2, 3}
    assert all(c.sources and len(c.model_plan) == 7 for c in complaints)


def test_quiz_copy_rubric_and_poll_minimums(course: Course) -> None:
    assert sum(1 for q in course.quizzes.values() if q.module == 1) >= 50
    copies = [c for c in course.cases.values() if c.kind == "copy"]
    assert len(copies) >= 20 and sum(1 for c in copies if c.key["ad_rule"] == ("M0",)) >= 3
    for rubric in ("handling-plan", "media-threat", "area-prevention", "roleplay"):
        assert sum(1 for e in course.exemplars.values() if e.rubric == rubric) >= 2
    assert {"p-apology", "p-expectation"} <= set(course.polls)
    assert all(p.answer is None for p in course.polls.values())


def test_the_eight_rights_by_their_exact_names(course: Course) -> None:
    assert tuple(label.name for label in course.dimension("rights").labels) == RIGHTS


def test_no_unverified_article_numbers_for_pboc5_or_cbirc9(course: Course) -> None:
    texts = [s for c in course.cases.values() for s in c.sources]
    texts += [q.source or "" for q in course.quizzes.values()]
    for part in (p for text in texts for p in re.split(r"[；;]", text)):
        if "第5号" in part or "2022年第9号" in part:
            assert not re.search(r"第[一二三四五六七八九十百\d]+条", part), part
