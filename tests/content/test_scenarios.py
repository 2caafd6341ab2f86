"""The shipped role-play scenarios: coverage of module 七, size, traps, facts hygiene."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from kit.content import Course, load_course
from kit.content.scenario_models import BREACH, Scenario
from kit.content.scenario_paths import explore
from kit.settings import REPO_ROOT

COURSE = load_course(REPO_ROOT / "data")
SCENARIOS = sorted(COURSE.scenarios.values(), key=lambda s: s.id)
SEVEN = ("service", "credit_card", "loan", "wealth", "public_opinion")
HALF_WIDTH = re.compile(r"(?<=[\u4e00-\u9fff])[,?!;]|[,?!;](?=[\u4e00-\u9fff])")


def shown(sc: Scenario) -> list[str]:
    """Every text a trainee sees."""
    texts = [sc.title, sc.setting, sc.role, sc.customer]
    for node in sc.nodes:
        texts += [node.customer, node.narration or ""]
        for c in node.choices:
            texts += [c.text, c.feedback, c.rule or "", *c.examples]
    for end in sc.endings:
        texts += [end.verdict, end.debrief]
    return texts


def test_coverage_of_module_seven_and_the_required_themes() -> None:
    assert len(SCENARIOS) >= 12
    per = Counter(s.category for s in SCENARIOS)
    assert all(per[c] >= 2 for c in SEVEN), per
    themes = Counter(t for s in SCENARIOS for t in s.themes)
    assert {"no_fault_apology", "media_threat", "vulnerable"} <= set(themes), themes
    assert {s.feedback for s in SCENARIOS} == {"immediate", "end"}


@pytest.mark.parametrize("sc", SCENARIOS, ids=lambda s: s.id)
def test_each_scenario_is_deep_enough_and_has_a_reachable_trap(sc: Scenario) -> None:
    assert len(sc.nodes) >= 8 and len(sc.endings) >= 3
    graph = explore(sc)
    traps = [c for n in sc.nodes if n.id in graph.reached for c in n.choices
             if BREACH in c.skills]
    assert traps, "at least one reply that sounds kind but breaks a rule"
    assert all(c.rule and c.quality == "poor" for c in traps)
    assert sc.breaks and all(b.ending in graph.reached for b in sc.breaks)
    assert {"resolved", "breach"} <= {e.kind for e in sc.endings}
    assert sc.sources


@pytest.mark.parametrize("sc", SCENARIOS, ids=lambda s: s.id)
def test_trainee_text_is_clean(sc: Scenario) -> None:
    for text in shown(sc):
        assert not re.search(r"\[(V|S|U|K)\]|本套件|TODO", text), text
        assert not HALF_WIDTH.search(text), f"半角标点:{text}"
        for part in re.split(r"[；;]", text):  # no unverified article numbers
            if "消费者权益保护实施办法" in part or "消费者权益保护管理办法" in part:
                assert not re.search(r"第[一二三四五六七八九十百\d]+条", part), part


def test_modules_six_and_seven_use_the_scenarios(course: Course = COURSE) -> None:
    plays = {a.scenario: m.number for m in course.modules for a in m.activities
             if a.kind == "roleplay"}
    assert plays.get("other-wrong-transfer") == 6
    seven = {COURSE.scenarios[s].category for s, m in plays.items() if m == 7}
    assert set(SEVEN) <= seven
