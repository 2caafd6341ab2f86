"""Role-play logic: mood, forced endings, scores, paths, best/worst, play and replay."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kit.content import load_course
from kit.content.scenario_models import Scenario
from kit.content.scenario_paths import enumerate_paths, explore, summarise
from kit.content.scenario_rules import forced_ending, mood_word, move, path_score, points
from kit.logic.roleplay_play import Attempt, Practice, begin, choose, play_path, score
from kit.logic.roleplay_profile import profile
from kit.settings import REPO_ROOT

SHIPPED = dict(load_course(REPO_ROOT / "data").scenarios)


def reply(next_: str, mood: int, quality: str = "good", skills: tuple[str, ...] = ("接待",),
          rule: str | None = None) -> dict[str, Any]:
    return {"text": f"去{next_}{mood}", "next": next_, "mood": mood, "skills": list(skills),
            "quality": quality, "feedback": "点评", **({"rule": rule} if rule else {})}


def scenario(nodes: dict[str, list[dict[str, Any]]], endings: dict[str, int],
             breaks: dict[int, str] | None = None, start_mood: int = 50) -> Scenario:
    return Scenario.model_validate({
        "schema_version": 1, "id": "t", "title": "测试", "category": "service",
        "setting": "场景", "role": "角色", "customer": "客户", "mood_start": start_mood,
        "breaks": [{"at": a, "ending": e} for a, e in (breaks or {}).items()],
        "start": next(iter(nodes)),
        "nodes": [{"id": n, "customer": "台词", "choices": c} for n, c in nodes.items()],
        "endings": [{"id": e, "kind": "resolved", "verdict": "结论", "score": s,
                     "debrief": "讲评", "revisit": ["6.1"]} for e, s in endings.items()]})


# a: good → b, poor → b, breach → win; b: good → win, fair → lose; break at 70 → gone
SMALL = scenario(
    {"a": [reply("b", -10), reply("b", 25, "poor"),
           reply("win", -20, "poor", ("道歉共情", "合规"), "某规定")],
     "b": [reply("win", -10), reply("lose", 0, "fair")]},
    {"win": 80, "lose": 40, "gone": 5}, {70: "gone"})


def test_mood_words_and_forced_endings() -> None:
    assert [mood_word(m) for m in (0, 19, 20, 45, 60, 85, 100)] == [
        "平静", "平静", "缓和", "不满", "生气", "激动", "激动"]
    two = scenario({"a": [reply("w", 10), reply("w", 20)]}, {"w": 50, "m": 1, "x": 1},
                   {80: "m", 90: "x"})
    assert forced_ending(two, 79) is None
    assert forced_ending(two, 85) == "m" and forced_ending(two, 95) == "x"  # highest wins
    step = move(two, 75, two.nodes[0].choices[1])
    assert (step.mood, step.target, step.forced) == (95, "x", True)


def test_points_and_clamped_path_scores() -> None:
    a = SMALL.nodes[0].choices
    assert [points(c) for c in a] == [5, -5, -15]
    assert path_score(98, 10) == 100 and path_score(3, -15) == 0


def test_paths_best_and_worst_of_a_small_scenario() -> None:
    summary = summarise(explore(SMALL))
    # a0 b0 win: 80+5+5=90; a0 b1 lose: 40+5=45; a1 → mood 75 ≥ 70: gone 5−5=0; a2 win 65
    assert (summary.paths, summary.best, summary.worst) == (4, 90, 0)
    assert summary.best_path == (0, 0)
    paths = sorted((p.choices, p.ending, p.forced, p.score) for p in enumerate_paths(SMALL))
    assert paths == [((0, 0), "win", False, 90), ((0, 1), "lose", False, 45),
                     ((1,), "gone", True, 0), ((2,), "win", False, 65)]


def test_play_records_the_mood_trace_and_the_forced_ending() -> None:
    state = choose(SMALL, begin(SMALL), 1)
    assert state.finished and state.ending == "gone" and state.forced
    assert score(SMALL, state) == 0
    with pytest.raises(ValueError, match="已经结束"):
        choose(SMALL, state, 0)
    with pytest.raises(ValueError, match="第 4 个"):
        choose(SMALL, begin(SMALL), 3)


def test_replay_keeps_every_attempt_as_data() -> None:
    p = Practice.start(SMALL).choose(0).choose(1)
    assert p.state.finished and len(p.attempts) == 1
    p = p.replay().choose(0)            # started again, left half-way
    p = p.replay().choose(2)            # the trap
    assert [a.number for a in p.attempts] == [1, 2, 3]
    first, half, trap = p.attempts
    assert (first.ending, first.score, first.mood_trace) == ("lose", 45, (50, 40, 40))
    assert half.ending is None and half.score is None and half.choices == (0,)
    assert trap.profile.breaches == 1 and trap.score == 65
    assert Attempt.from_dict(trap.to_dict()) == trap


def test_profile_scores_each_skill_and_counts_breaches() -> None:
    state = play_path(SMALL, (2,))
    prof = profile(SMALL, state.steps)
    by = {s.skill: s for s in prof.skills}
    assert by["道歉共情"].score == 0 and by["道歉共情"].replies == 1
    assert by["接待"].score is None and prof.breaches == 1
    assert "合规" not in by


@pytest.mark.parametrize("sid", sorted(SHIPPED))
def test_enumeration_agrees_with_the_summary(sid: str) -> None:
    sc = SHIPPED[sid]
    summary = summarise(explore(sc))
    paths = list(enumerate_paths(sc))
    assert len(paths) == summary.paths
    assert max(p.score for p in paths) == summary.best
    assert min(p.score for p in paths) == summary.worst
    best = play_path(sc, summary.best_path)
    assert score(sc, best) == summary.best


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sid=st.sampled_from(sorted(SHIPPED)), picks=st.lists(st.integers(0, 3), min_size=40,
                                                              max_size=40))
def test_every_played_path_scores_between_best_and_worst(sid: str, picks: list[int]) -> None:
    sc = SHIPPED[sid]
    summary = summarise(explore(sc))
    p = Practice.start(sc)
    for pick in picks:
        node = sc.node(p.state.node or "")
        if node is None:
            break
        p = p.choose(pick % len(node.choices))
    assert p.state.finished, "every path ends"
    attempt = p.attempts[-1]
    assert attempt.score is not None and summary.worst <= attempt.score <= summary.best
    assert all(0 <= m <= 100 for m in attempt.mood_trace)


@st.composite
def random_scenarios(draw: st.DrawFn) -> Scenario:
    """Random DAG-shaped scenarios with breaks: node i only leads to later nodes or endings."""
    n = draw(st.integers(2, 6))
    ends = {"e1": draw(st.integers(0, 100)), "e2": draw(st.integers(0, 100)), "e3": 5}
    nodes = {}
    for i in range(n):
        targets = [f"n{j}" for j in range(i + 1, n)] + list(ends)
        nodes[f"n{i}"] = [reply(draw(st.sampled_from(targets)), draw(st.integers(-12, 25)),
                                draw(st.sampled_from(["good", "fair", "poor"])))
                          for _ in range(draw(st.integers(2, 4)))]
    return scenario(nodes, ends, {draw(st.integers(70, 100)): "e3"}, draw(st.integers(40, 60)))


@settings(max_examples=150, deadline=None)
@given(sc=random_scenarios(), picks=st.lists(st.integers(0, 3), min_size=8, max_size=8))
def test_summary_matches_enumeration_on_random_scenarios(sc: Scenario, picks: list[int]) -> None:
    graph = explore(sc)
    if not graph.sound:  # the mood went below 0 somewhere: the validator rejects it
        assert graph.out_of_range
        return
    summary = summarise(graph)
    scores = [p.score for p in enumerate_paths(sc)]
    assert (len(scores), max(scores), min(scores)) == (summary.paths, summary.best, summary.worst)
    state = begin(sc)
    for pick in picks:
        node = sc.node(state.node or "")
        if node is None:
            break
        state = choose(sc, state, pick % len(node.choices))
    got = score(sc, state)
    assert got is not None and summary.worst <= got <= summary.best


def test_many_attempts_become_a_branch_tree_with_counts() -> None:
    from kit.logic.roleplay_tree import BreakPoint, aggregate

    p = Practice.start(SMALL)
    for picks in ((0, 0), (0, 1), (0, 0), (1,), (0,)):  # the last one is left half-way
        for pick in picks:
            p = p.choose(pick)
        p = p.replay()
    other = Attempt("another", 1, (), None, False, None, p.attempts[0].profile)
    tree = aggregate(SMALL, (*p.attempts, other))
    assert (tree.attempts, tree.unfinished) == (5, 1)
    first, second = tree.branches
    assert (first.choice, first.count, first.endings, second.choice, second.count) == (
        0, 4, {}, 1, 1)
    assert second.endings == {"gone": 1} and second.broke == 1 and second.mood == 75
    assert [(b.choice, b.count, dict(b.endings)) for b in first.children] == [
        (0, 2, {"win": 2}), (1, 1, {"lose": 1})]
    assert first.mood == 40 and first.text == SMALL.nodes[0].choices[0].text
    assert tree.endings == (("win", 2), ("gone", 1), ("lose", 1))
    assert tree.breaks == (BreakPoint("a", 1, "gone", 1),)
