"""A store with three sessions in 2026 (and one in 2025) whose trainees overlap by staff ID.

| session | date       | modules | trainees (staff ID)                                   |
|---------|------------|---------|-------------------------------------------------------|
| W0      | 2025-06-01 | 1       | 李娜 B2001 (outside the period asked for)              |
| W1      | 2026-01-10 | 1       | 张伟 A1023 all four quizzes right; 李娜 B2001 nothing;  |
|         |            |         | 王芳 (no staff ID) the first quiz right                |
| W2      | 2026-02-10 | 1       | 张伟 a1023 the first quiz right; 赵强 C3003 the second |
| W3      | 2026-03-10 | 6       | 张伟 A1023 nothing; 李娜 B2001 answers the poll and    |
|         |            |         | plays the 6.8 role-play to its best ending             |

Module 1 has four quizzes, so one quiz fully right is a module score of 0.25. Module 6 scores
its draft only: a draft never submitted scores 0. Module 6 has four activities, so 李娜's two
make a completion of 0.5 (role-play counts in completion, not in the score).
"""

from __future__ import annotations

import datetime as dt
import time

from sqlalchemy import update

from kit.content import Course
from kit.content.scenario_paths import explore, summarise
from kit.logic.questions import for_activity
from kit.logic.roleplay_play import attempt, play_path
from kit.store import Store, activities, participants, roleplay, work, workshops
from kit.store.schema import workshops as workshops_table

QUIZZES = ("m1-quiz-complaints", "m1-quiz-rights", "m1-quiz-review", "m1-quiz-final")


def _session(course: Course, store: Store, day: str,
             modules: tuple[int, ...]) -> tuple[int, str, str]:
    ws, key = workshops.create(store, f"{day} 支行培训", modules, instructor="王老师")
    when = time.mktime(dt.date.fromisoformat(day).timetuple()) + 10 * 3600
    store.write(lambda c: c.execute(update(workshops_table).where(
        workshops_table.c.id == ws.id).values(created_at=when)))
    for m in modules:
        for a in (a.id for a in course.module(m).activities):
            activities.set_state(store, ws.id, a, "open")
    return ws.id, ws.code, key


def _right(course: Course, store: Store, wid: int, pid: int, activity: str) -> None:
    for q in for_activity(course, activity):
        work.submit(store, wid, pid, activity, q.id,
                    {"answer": {a.id: list(a.key or ()) for a in q.asks}}, f"{pid}-{q.id}")


def build(course: Course, store: Store) -> dict[str, tuple[int, str, str]]:
    """Returns session name → (workshop id, join code, instructor key)."""
    out = {name: _session(course, store, day, mods) for name, day, mods in (
        ("W0", "2025-06-01", (1,)), ("W1", "2026-01-10", (1,)), ("W2", "2026-02-10", (1,)),
        ("W3", "2026-03-10", (6,)))}

    def join(name: str, person: str, staff: str = "") -> int:
        return participants.join(store, out[name][0], person, staff_id=staff)[0].id

    join("W0", "李娜", "B2001")
    zhang = join("W1", "张伟", "A1023")
    for quiz in QUIZZES:
        _right(course, store, out["W1"][0], zhang, quiz)
    join("W1", "李娜", "B2001")
    _right(course, store, out["W1"][0], join("W1", "王芳"), QUIZZES[0])
    _right(course, store, out["W2"][0], join("W2", "张伟", "a1023"), QUIZZES[0])
    _right(course, store, out["W2"][0], join("W2", "赵强", "C3003"), QUIZZES[1])
    join("W3", "张伟", "A1023")
    li = join("W3", "李娜", "B2001")
    work.submit(store, out["W3"][0], li, "m6-apology-poll", "p-apology", {"answer": {"answer": [
        "A"]}}, "poll")
    sc = course.scenarios["other-wrong-transfer"]
    played = attempt(sc, play_path(sc, summarise(explore(sc)).best_path), 1)
    roleplay.save(store, out["W3"][0], li, "m6-rp-apology", played, True)
    return out
