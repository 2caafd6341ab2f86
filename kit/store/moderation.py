"""Beside peer reviews: the reviewers' calibration scores and the instructor's overrides."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass

from sqlalchemy import insert, select

from kit.store.db import Store
from kit.store.schema import calibrations, overrides


@dataclass(frozen=True)
class Calibration:
    participant_id: int
    exemplar_id: str
    scores: dict[str, int]


def calibrate(store: Store, workshop_id: int, participant: int, activity_id: str,
              exemplar_id: str, scores: dict[str, int]) -> None:
    from kit.store.work import upsert

    store.write(lambda c: upsert(c, calibrations, dict(
        participant_id=participant, activity_id=activity_id, exemplar_id=exemplar_id),
        dict(workshop_id=workshop_id, scores=json.dumps(scores), created_at=time.time())))


def calibration_scores(store: Store, workshop_id: int, activity_id: str) -> list[Calibration]:
    """This workshop's calibrations for one review activity (another workshop of the same
    module uses the same activity id: it must never show here)."""
    c = calibrations.c
    rows = store.read(lambda conn: conn.execute(select(
        c.participant_id, c.exemplar_id, c.scores).where(
        c.workshop_id == workshop_id, c.activity_id == activity_id)).all())
    return [Calibration(r[0], r[1], json.loads(r[2])) for r in rows]


def override(store: Store, workshop_id: int, activity_id: str, author: int, criterion: str,
             score: int, note: str = "") -> None:
    """The instructor's score replaces the peers' median; the record stays."""
    store.write(lambda c: c.execute(insert(overrides).values(
        workshop_id=workshop_id, activity_id=activity_id, author_id=author,
        criterion=criterion, score=score, note=note[:200], created_at=time.time())))


def overridden(store: Store, workshop_id: int, activity_id: str) -> dict[tuple[int, str], int]:
    o = overrides.c
    rows = store.read(lambda c: c.execute(select(o.author_id, o.criterion, o.score).where(
        o.workshop_id == workshop_id, o.activity_id == activity_id).order_by(o.id)).all())
    return {(r[0], r[1]): r[2] for r in rows}
