"""The designers' gallery without a browser: every entry shown, filters, keys, checks."""

from __future__ import annotations

import ast
import dataclasses
from collections.abc import Iterator

import pytest

from kit.content import Course, load_course
from kit.content.rubric_models import QuizActivity
from kit.htmltext import esc
from kit.settings import REPO_ROOT
from kit.testing import close
from kit.widgets.gallery import Gallery
from kit.widgets.roleplay import RoleplayView


@pytest.fixture(scope="module")
def shipped() -> Course:
    return load_course(REPO_ROOT / "data")


@pytest.fixture
def gallery(shipped: Course) -> Iterator[Gallery]:
    view = Gallery(shipped)
    yield view
    close(view)  # every widget it made, the tried card too


def test_every_case_item_poll_rubric_and_scenario_is_shown(gallery: Gallery,
                                                           shipped: Course) -> None:
    html = gallery.cards.value
    for ident in [*shipped.cases, *shipped.quizzes, *shipped.polls, *shipped.rubrics,
                  *shipped.scenarios]:
        assert f"data-id='{ident}'" in html, ident
    assert len(gallery.shown) == (len(shipped.cases) + len(shipped.quizzes)
                                  + len(shipped.polls) + len(shipped.rubrics)
                                  + len(shipped.scenarios))
    assert f"共 {len(gallery.shown)} 条" in gallery.count.value


def test_filters_narrow_by_module_kind_and_difficulty(gallery: Gallery, shipped: Course) -> None:
    gallery.filter(module=2)
    assert gallery.shown and all(2 in e.modules for e in gallery.shown)
    gallery.filter(kind="copy")
    assert {e.id for e in gallery.shown} == {c.id for c in shipped.cases.values()
                                             if c.kind == "copy"}
    gallery.filter(difficulty=3)
    assert gallery.shown and all(e.difficulty == 3 for e in gallery.shown)
    assert "难度只适用于案例" in gallery.count.value
    gallery.filter(module=1, kind="quiz")
    assert {e.id for e in gallery.shown} == {i.id for i in shipped.quizzes.values()
                                             if i.module == 1}
    gallery.filter()


def test_answer_key_and_explanations_are_shown(gallery: Gallery, shipped: Course) -> None:
    item = next(iter(shipped.quizzes.values()))
    case = next(c for c in shipped.cases.values() if c.explanations)
    gallery.filter()
    html = gallery.cards.value
    assert f"✔ {item.answer[0]}." in html  # type: ignore[index]
    dim, text = next(iter(case.explanations.items()))
    label = shipped.dimension(dim).label(case.key[dim][0])
    assert label is not None and f"参考答案:{label.name}" in html
    assert esc(text) in html


def test_trying_an_item_uses_the_trainee_card(gallery: Gallery, shipped: Course) -> None:
    item = next(iter(shipped.quizzes.values()))
    gallery.filter(kind="quiz")
    gallery.pick.value = item.id
    gallery.try_out()
    card = gallery.stage.children[0]
    card.submit()
    assert "请至少完成一个维度" in card.notice.value and not card.feedback.value
    card.select("answer", list(item.answer or ()))
    card.submit()
    assert "✔ 正确" in card.feedback.value


def test_unused_content_and_short_time_limits_are_listed(shipped: Course,
                                                         request: pytest.FixtureRequest) -> None:
    items = tuple(list(shipped.quizzes)[:20])
    tight = QuizActivity(id="t-tight", kind="quiz", title="二十题五分钟", items=items,
                         time_limit_min=5)
    first = shipped.modules[0]
    module = first.model_copy(update={"activities": (*first.activities, tight)})
    extra = next(iter(shipped.quizzes.values())).model_copy(
        update={"id": "t-unused", "topic": "<script>alert(1)</script>", "draft": True})
    course = dataclasses.replace(shipped, modules=(module, *shipped.modules[1:]),
                                 quizzes={**shipped.quizzes, "t-unused": extra})
    view = Gallery(course)
    request.addfinalizer(lambda: close(view))
    checks = view.checks.value
    assert "二十题五分钟" in checks and "t-tight" in checks
    assert "测验题 t-unused" in checks and "<script>" not in checks
    assert "&lt;script&gt;" in view.cards.value and "<script>" not in view.cards.value
    assert "草稿" in view.cards.value


def test_the_view_imports_neither_the_store_nor_the_live_session() -> None:
    for name in ("gallery.py", "gallery_cards.py"):
        tree = ast.parse((REPO_ROOT / "kit" / "widgets" / name).read_text("utf-8"))
        imported = [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
        imported += [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
        assert not [m for m in imported if m.startswith(("kit.store", "kit.live"))], name


def test_works_on_the_small_fixture_course(course: Course,
                                           request: pytest.FixtureRequest) -> None:
    view = Gallery(course)
    request.addfinalizer(lambda: close(view))
    assert len(view.shown) == len(course.cases) + len(course.quizzes) + len(course.polls) + len(
        course.rubrics)


def test_scenarios_show_category_paths_and_scores_and_can_be_tried(gallery: Gallery,
                                                                  shipped: Course) -> None:
    gallery.filter(module=7, kind="scenario")
    played = {a.scenario for a in shipped.module(7).activities  # type: ignore[union-attr]
              if a.kind == "roleplay"}
    assert {e.id for e in gallery.shown} == played and len(played) == 5
    sc = shipped.scenarios["wealth-fund-loss"]  # 7.4 after-class practice: no activity
    gallery.filter(kind="scenario")
    card = gallery.cards.value.split("data-id='wealth-fund-loss'")[1].split("kit-gallery-entry")[0]
    assert esc(sc.title) in card and "基金保险理财类" in card
    assert "80 条路径，最高 95 分，最低 0 分" in card and "没有活动使用" in card
    assert "情景 wealth-fund-loss" in gallery.checks.value
    gallery.pick.value = "card-auto-installment"
    gallery.try_out()
    view = gallery.stage.children[0]
    assert isinstance(view, RoleplayView) and view.scenario.id == "card-auto-installment"
    view.choose(0)
    assert len(view.practice.state.steps) == 1
