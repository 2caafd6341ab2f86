"""Each trainee's results: what counts as done, scores, completion with peer reviews counted."""

from __future__ import annotations

from dataclasses import replace

import pytest

from kit.content import Course, load_course
from kit.content.scenario_paths import explore, summarise
from kit.logic.roleplay_play import attempt, play_path
from kit.reports.drafts import draft_authors, owed
from kit.reports.frames_more import training_record
from kit.reports.results import completion, module_score, session_results
from kit.settings import REPO_ROOT
from kit.store.peer import Review
from kit.store.roleplay import Played
from tests.reports.memory import answer, draft, person, session

FULL = {c: 4 for c in ("empathy", "facts_cause", "solution", "deadline_remedy",
                       "followup_opinion")}


@pytest.fixture(scope="module")
def course() -> Course:
    return load_course(REPO_ROOT / "data")


def _module6(course: Course, lazy_reviewer: bool = True, groups: bool = False):  # type: ignore[no-untyped-def]
    people = [person(i, f"学员{i}", f"S{i}", (1 if i <= 2 else None) if groups else None)
              for i in range(1, 6)]
    subs = [answer(p.id, "m6-apology-poll", "p-apology", {"answer": ["A"]}) for p in people]
    authors = [1, 3, 4, 5] if groups else [1, 2, 3, 4, 5]
    subs += [draft(a, "m6-plan", "cc-01", {"reception": f"方案{a}"},
                   1 if groups and a == 1 else None) for a in authors]
    reviews = []
    for r in range(1, 6):
        others = [a for a in authors if a != r][: 2 if lazy_reviewer and r == 5 else 3]
        reviews += [Review(len(reviews) + 1, r, a, dict(FULL), "好", None) for a in others]
    return session(course, (6,), people, subs, {"m6-review": reviews},
                   {"m6-review": {(1, "solution"): 2}})


def played(course: Course, pid: int, finished: bool) -> Played:
    """Trainee ``pid``'s role-play of 6.8: to the best ending, or stopped after one reply."""
    sc = course.scenarios["other-wrong-transfer"]
    path = summarise(explore(sc)).best_path
    state = play_path(sc, path if finished else path[:1])
    return Played(pid, pid, "m6-rp-apology", attempt(sc, state, 1), finished, 0.0, 0.0)


def test_completion_counts_peer_reviews_and_role_play(course: Course) -> None:
    """Four activities: trainee 5 gave 2 of the 3 reviews owed and stopped the role-play
    half-way, so 2 of 4 are done; trainee 1 did all four."""
    d = replace(_module6(course), plays=(played(course, 1, True), played(course, 5, False)))
    results = session_results(d)
    assert completion(results[1]) == 1.0
    assert [r.done for r in results[5].values()] == [True, True, False, False]
    assert results[5]["m6-rp-apology"].progress == 1
    assert completion(results[5]) == pytest.approx(2 / 4)
    record = training_record(d).set_index("staff_id")
    assert record.loc["S5", "activities_total"] == 4
    assert record.loc["S5", "activities_done"] == 2
    assert record.loc["S5", "completion"] == pytest.approx(0.5)
    assert record.loc["S1", "completion"] == 1.0


def test_draft_score_uses_overrides_and_the_rubric_top(course: Course) -> None:
    """Trainee 1: peers gave 4 on all five criteria; the instructor set solution to 2:
    (4 + 4 + 2 + 4 + 4) / 5 / 4 = 0.9. The module's only scored activity is that draft."""
    d = _module6(course)
    results = session_results(d)
    assert results[1]["m6-plan"].score == pytest.approx(0.9)
    assert results[2]["m6-plan"].score == pytest.approx(1.0)
    assert module_score(d, 6, results[1]) == pytest.approx(0.9)
    assert results[1]["m6-apology-poll"].score is None


def test_group_drafts_count_for_every_member_and_are_not_theirs_to_review(
        course: Course) -> None:
    d = _module6(course, lazy_reviewer=False, groups=True)
    results = session_results(d)
    assert results[2]["m6-plan"].done  # trainee 1 saved the group's draft
    authors = draft_authors(d, "m6-plan")
    assert authors[1] == authors[2] == 1
    act = course.activity("m6-review")
    assert owed(d, act, 2, authors) == 3  # authors 3, 4, 5: not the group's own draft
    assert owed(d, act, 3, authors) == 3


def test_unanswered_questions_score_zero(course: Course) -> None:
    """m3-daily-problems has 8 cases; one answered right of 8 is 1/8, not 100 %."""
    case = course.cases["wait-01"]
    d = session(course, (3,), [person(1, "甲")],
                [answer(1, "m3-daily-problems", "wait-01",
                        {k: list(v) for k, v in case.key.items()})])
    r = session_results(d)[1]["m3-daily-problems"]
    assert (r.progress, r.expected, r.done) == (1, 8, False)
    assert r.score == pytest.approx(1 / 8)
