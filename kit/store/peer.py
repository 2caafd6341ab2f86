"""Peer review in the store: allocation on demand, reviews, flags, calibration, overrides."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from kit.i18n import _
from kit.logic.peer import Draft, Reviewer, eligible, next_draft
from kit.store.db import Store
from kit.store.groupwork import lock
from kit.store.moderation import (
    Calibration,
    calibrate,
    calibration_scores,
    overridden,
    override,
)
from kit.store.schema import allocations, participants, reviews
from kit.store.work import latest

AL, RV = allocations.c, reviews.c
__all__ = [
    "Allocation",
    "Calibration",
    "DraftOwner",
    "Received",
    "Review",
    "all_reviews",
    "calibrate",
    "calibration_scores",
    "draft_author",
    "flag",
    "next_allocation",
    "overridden",
    "override",
    "progress",
    "received",
    "representatives",
    "review",
    "reviews_given",
]


@dataclass(frozen=True)
class Allocation:
    id: int
    author_id: int
    done: bool


@dataclass(frozen=True)
class DraftOwner:
    """Whose draft it is: one participant, or a group (then ``participant`` saved it last)."""

    item_id: str
    participant: int
    group_no: int | None


def representatives(store: Store, workshop_id: int, of: str) -> list[DraftOwner]:
    """Each draft → the participant whose submission stands for it: one per group draft."""
    best: dict[tuple[str, str, int], tuple[int, int, int | None]] = {}
    for s in latest(store, workshop_id, of):
        owner = ("g", s.item_id, s.group_no) if s.group_no is not None else (
            "p", s.item_id, s.participant_id)
        if owner not in best or s.version > best[owner][0]:
            best[owner] = (s.version, s.participant_id, s.group_no)
    return [DraftOwner(item, pid, g) for (_, item, _), (_, pid, g) in best.items()]


def draft_author(store: Store, workshop_id: int, of: str, participant: int,
                 group: int | None) -> int:
    """Whose reviews this participant should see: their own, or their group draft's."""
    reps = representatives(store, workshop_id, of)
    mine = [o.participant for o in reps if group is not None and o.group_no == group]
    return mine[0] if mine else participant


def _drafts(store: Store, workshop_id: int, of: str) -> tuple[list[Draft], dict[int, int]]:
    """The drafts to review, and every participant's group."""
    authors = {o.participant for o in representatives(store, workshop_id, of)}
    groups = dict(store.read(lambda c: c.execute(select(
        participants.c.id, participants.c.group_no).where(
        participants.c.workshop_id == workshop_id)).all()))
    return [Draft(a, groups.get(a)) for a in sorted(authors)], groups


def _mine(conn: Connection, activity_id: str, reviewer: int) -> list[Any]:
    return list(conn.execute(select(AL.id, AL.author_id, func.count(RV.id).label("n"))
                        .outerjoin(reviews, RV.allocation_id == AL.id)
                        .where(AL.activity_id == activity_id, AL.reviewer_id == reviewer)
                        .group_by(AL.id, AL.author_id).order_by(AL.id)).all())


def _round(conn: Connection, workshop_id: int, activity_id: str, drafts: list[Draft],
           groups: dict[int, int], k: int) -> tuple[dict[int, int], list[Reviewer]]:
    """Reviews per author so far, and everyone who still owes reviews in this round.

    Authors are expected to review; so is anyone who has already asked for a draft."""
    pairs = conn.execute(select(AL.reviewer_id, AL.author_id).where(
        AL.activity_id == activity_id, AL.workshop_id == workshop_id)).all()
    counts: dict[int, int] = {}
    done: dict[int, set[int]] = {d.author: set() for d in drafts}
    for r, a in pairs:
        counts[a] = counts.get(a, 0) + 1
        done.setdefault(r, set()).add(a)
    owing = [Reviewer(r, groups.get(r), frozenset(a), k - len(a))
             for r, a in sorted(done.items()) if len(a) < k]
    return counts, owing


def next_allocation(store: Store, workshop_id: int, activity_id: str, of: str, reviewer: int,
                    k: int, seed: int = 0) -> Allocation | None:
    """The reviewer's open allocation, or a new one; ``None`` when done or nothing is left."""
    drafts, groups = _drafts(store, workshop_id, of)

    def allocate(conn: Connection) -> Allocation | None:
        _serialise(conn, workshop_id, activity_id)
        mine = _mine(conn, activity_id, reviewer)
        open_ = next((m for m in mine if m.n == 0), None)
        if open_ is not None:
            return Allocation(open_.id, open_.author_id, False)
        if len(mine) >= k:
            return None
        counts, owing = _round(conn, workshop_id, activity_id, drafts, groups, k)
        me = Reviewer(reviewer, groups.get(reviewer), frozenset(m.author_id for m in mine),
                      k - len(mine))
        author = next_draft(me, owing, drafts, counts, seed)
        if author is None:
            return None
        new = conn.execute(insert(allocations).values(
            workshop_id=workshop_id, activity_id=activity_id, reviewer_id=reviewer,
            author_id=author, created_at=time.time())).inserted_primary_key
        assert new is not None
        return Allocation(int(new[0]), author, False)

    return store.write(allocate)


def progress(store: Store, workshop_id: int, activity_id: str, of: str, reviewer: int,
             k: int) -> tuple[int, int]:
    """(reviews done, reviews this reviewer can do): ``k``, or fewer when fewer drafts are
    there that they may review (not their own, not their group's)."""
    drafts, groups = _drafts(store, workshop_id, of)
    mine = store.read(lambda c: _mine(c, activity_id, reviewer))
    available = eligible(reviewer, groups.get(reviewer), drafts, frozenset())
    return sum(1 for m in mine if m.n > 0), min(k, len(available))


def _serialise(conn: Connection, workshop_id: int, activity_id: str) -> None:
    """One allocation at a time per activity (SQLite's BEGIN IMMEDIATE already does this)."""
    lock(conn, workshop_id, activity_id)


def review(store: Store, allocation_id: int, reviewer: int, scores: dict[str, int],
           comment: str, submit_key: str) -> int:
    """Save a review once per allocation. A second click, or a second tab racing this one,
    gets the review that is already there (the unique index decides the race)."""

    def save(conn: Connection) -> int:
        owner = conn.execute(select(AL.reviewer_id).where(AL.id == allocation_id)).scalar()
        if owner != reviewer:
            raise PermissionError(_("这份评审不属于您"))
        done = _review_of(conn, allocation_id)
        if done is not None:
            return done
        new = conn.execute(insert(reviews).values(
            allocation_id=allocation_id, scores=json.dumps(scores), comment=comment,
            submit_key=submit_key, created_at=time.time())).inserted_primary_key
        assert new is not None
        return int(new[0])

    try:
        return store.write(save)
    except IntegrityError:  # the other tab inserted between our read and our insert
        found = store.read(lambda c: _review_of(c, allocation_id))
        if found is None:
            raise
        return found


def _review_of(conn: Connection, allocation_id: int) -> int | None:
    found = conn.execute(select(RV.id).where(RV.allocation_id == allocation_id)).scalar()
    return None if found is None else int(found)


@dataclass(frozen=True)
class Received:
    """A review as its author sees it: no reviewer identity, by design."""

    id: int
    scores: dict[str, int]
    comment: str


def received(store: Store, workshop_id: int, activity_id: str, author: int) -> list[Received]:
    rows = store.read(lambda c: c.execute(select(RV.id, RV.scores, RV.comment).join(
        allocations, RV.allocation_id == AL.id).where(
        AL.workshop_id == workshop_id, AL.activity_id == activity_id, AL.author_id == author)
        .order_by(RV.id)).all())
    return [Received(r.id, json.loads(r.scores), r.comment) for r in rows]


@dataclass(frozen=True)
class Review:
    """A review as the instructor sees it."""

    id: int
    reviewer: int
    author: int
    scores: dict[str, int]
    comment: str
    flag: str | None


def all_reviews(store: Store, workshop_id: int, activity_id: str) -> list[Review]:
    rows = store.read(lambda c: c.execute(select(
        RV.id, AL.reviewer_id, AL.author_id, RV.scores, RV.comment, RV.flag).join(
        allocations, RV.allocation_id == AL.id).where(
        AL.workshop_id == workshop_id, AL.activity_id == activity_id).order_by(RV.id)).all())
    return [Review(r[0], r[1], r[2], json.loads(r[3]), r[4], r[5]) for r in rows]


def flag(store: Store, review_id: int, author: int, kind: str) -> None:
    def mark(conn: Connection) -> None:
        owner = conn.execute(select(AL.author_id).join(reviews, RV.allocation_id == AL.id)
                             .where(RV.id == review_id)).scalar()
        if owner != author:
            raise PermissionError(_("只能标记您收到的评审"))
        conn.execute(update(reviews).where(RV.id == review_id).values(flag=kind))

    store.write(mark)


def reviewers(store: Store, workshop_id: int) -> dict[str, int]:
    """review activity → how many people have given at least one review."""
    query = (select(AL.activity_id, func.count(func.distinct(AL.reviewer_id)))
             .join(reviews, RV.allocation_id == AL.id)
             .where(AL.workshop_id == workshop_id).group_by(AL.activity_id))
    return {a: int(n) for a, n in store.read(lambda c: c.execute(query).all())}


def reviews_given(store: Store, workshop_id: int, activity_id: str, reviewer: int) -> list[int]:
    rows = store.read(lambda c: c.execute(select(RV.id).join(
        allocations, RV.allocation_id == AL.id).where(
        AL.workshop_id == workshop_id, AL.activity_id == activity_id,
        AL.reviewer_id == reviewer)).all())
    return [int(r[0]) for r in rows]
