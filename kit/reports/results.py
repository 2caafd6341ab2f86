"""Each trainee's result in each activity of a session: done or not, and a score. Pure.

What counts as done (also in docs/records.md):
- classification, quiz, poll: every question answered;
- draft: a draft submitted (a group draft counts for every member of the group);
- peer review: the reviews owed given — ``reviews_per_reviewer``, or fewer when fewer drafts
  were there to review (not one's own, not one's group's); with no draft to review, not done;
- role-play: an attempt played to an ending (alone, or by the group the trainee was in while
  it played); its score is the best finished attempt's score, shown but not counted in the
  module score (the pass marks predate role-play);
- any other kind: something submitted.

Scores are 0–1. A classification or quiz scores the mean over *all* its questions (a question
not answered scores 0). A draft scores the mean of its final rubric scores (instructor's
override, else the peers' median) divided by the rubric's top level; it has no score before it
has been reviewed. Polls and peer reviews are not scored.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from kit.logic.classify import grade, total
from kit.logic.questions import Question, for_activity
from kit.reports.data import SessionData
from kit.reports.drafts import draft_authors, final_scores, owed, reviewed_by
from kit.store.records import Submission
from kit.store.roleplay import Played


@dataclass(frozen=True)
class Result:
    activity_id: str
    kind: str
    done: bool
    score: float | None
    progress: int
    """Questions answered, drafts submitted or reviews given."""
    expected: int
    scored: bool = False
    """Whether this activity gives a score (a draft only once a peer review follows it)."""


@dataclass(frozen=True)
class Index:
    """A session's work looked up by trainee, built once for all trainees."""

    d: SessionData
    mine: dict[tuple[int, str], dict[str, Submission]]
    questions: dict[str, tuple[Question, ...]]
    authors: dict[str, dict[int, int]]
    given: dict[str, Counter[int]]
    plays: dict[tuple[int, str], list[Played]]
    """(participant, activity) → role-play attempts: their own and their group's."""


def _plays(d: SessionData) -> dict[tuple[int, str], list[Played]]:
    out: dict[tuple[int, str], list[Played]] = {}
    for p in d.plays:
        for pid in p.members or (p.participant_id,):
            out.setdefault((pid, p.activity_id), []).append(p)
    return out


def index(d: SessionData) -> Index:
    mine: dict[tuple[int, str], dict[str, Submission]] = {}
    for s in d.submissions:
        mine.setdefault((s.participant_id, s.activity_id), {})[s.item_id] = s
    acts = d.activities()
    questions = {a.id: for_activity(d.course, a.id) for a in acts
                 if a.kind in ("classify", "quiz", "poll")}
    authors = {a.id: draft_authors(d, a.id) for a in acts if a.kind == "draft"}
    given = {aid: Counter(rv.reviewer for rv in got) for aid, got in d.reviews.items()}
    return Index(d, mine, questions, authors, given, _plays(d))


def _questions(ix: Index, act: Any, pid: int) -> Result:
    qs, mine = ix.questions[act.id], ix.mine.get((pid, act.id), {})
    got = [total(grade(q, mine[q.id].payload.get("answer", {}))) for q in qs if q.id in mine]
    score = sum(got) / len(qs) if qs and act.kind != "poll" else None
    return Result(act.id, act.kind, len(got) == len(qs), score, len(got), len(qs),
                  score is not None)


def _draft(ix: Index, act: Any, pid: int) -> Result:
    author = ix.authors[act.id].get(pid)
    review = reviewed_by(ix.d, act.id)
    score = None
    if author is not None and review is not None:
        finals = final_scores(ix.d, review.id, author)
        top = max(ix.d.course.rubrics[review.rubric].scores)
        score = sum(finals.values()) / len(finals) / top if finals else None
    return Result(act.id, act.kind, author is not None, score, int(author is not None), 1,
                  review is not None)


def _review(ix: Index, act: Any, pid: int) -> Result:
    authors = ix.authors.get(act.of) or draft_authors(ix.d, act.of)
    given, need = ix.given.get(act.id, Counter())[pid], owed(ix.d, act, pid, authors)
    return Result(act.id, act.kind, 0 < need <= given, None, given, need)


def _roleplay(ix: Index, act: Any, pid: int) -> Result:
    plays = [p for p in ix.plays.get((pid, act.id), []) if p.attempt.steps]
    scores = [p.attempt.score for p in plays if p.finished and p.attempt.score is not None]
    best = max(scores) / 100 if scores else None
    return Result(act.id, act.kind, bool(scores), best, len(plays), 1)


def _other(ix: Index, act: Any, pid: int) -> Result:
    sent = bool(ix.mine.get((pid, act.id)))
    return Result(act.id, act.kind, sent, None, int(sent), 1)


#: activity kind → how one trainee's result is read.
READERS: dict[str, Callable[[Index, Any, int], Result]] = {
    "classify": _questions, "quiz": _questions, "poll": _questions, "draft": _draft,
    "peer_review": _review, "roleplay": _roleplay}


def session_results(d: SessionData) -> dict[int, dict[str, Result]]:
    """participant → activity id → result, for every activity of the session's modules."""
    ix, acts = index(d), d.activities()
    return {p.id: {a.id: READERS.get(a.kind, _other)(ix, a, p.id) for a in acts}
            for p in d.people}


def completion(results: Mapping[str, Result]) -> float:
    return sum(r.done for r in results.values()) / len(results) if results else 0.0


def module_score(d: SessionData, module: int, results: Mapping[str, Result]) -> float | None:
    """Mean score over the module's scored activities; a draft never reviewed is left out,
    a draft never submitted scores 0. ``None`` if the module has nothing scored."""
    mod = d.course.module(module)
    reviewed = {a.of for a in mod.activities if a.kind == "peer_review"}
    scores = []
    for act in mod.activities:
        r = results.get(act.id)
        if r is None or not (act.kind in ("classify", "quiz") or act.id in reviewed):
            continue
        if r.score is not None or not r.done:
            scores.append(r.score or 0.0)
    return sum(scores) / len(scores) if scores else None
