"""Role-play in the session's reports: the report's section (path distribution, endings, where
the mood broke, the class's skill profile), the workbook's 情景演练 sheet, completion in the
training record (a group's attempt counts for its members) and the per-trainee appendix."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest

from kit.content import Course, load_course
from kit.logic.roleplay_play import Practice
from kit.logic.roleplay_resume import current
from kit.reports.data import load_workshop
from kit.reports.frames_more import training_record
from kit.reports.report import body
from kit.reports.results import session_results
from kit.reports.run import export_workshop
from kit.settings import REPO_ROOT
from kit.store import Store, activities, participants, roleplay, roleplay_groups, workshops
from kit.store.records import Workshop
from tests.widgets.test_roleplay_live import best_path, forced_path

COURSE = load_course(REPO_ROOT / "data")
SOLO, GROUP = "m6-rp-apology", "m7-rp-card"


@dataclass
class Room:
    course: Course
    store: Store
    ws: Workshop
    ids: dict[str, int]


def play(store: Store, ws: Workshop, pid: int, activity: str, path: tuple[int, ...],
         group: int | None = None) -> None:
    """Store every reply of ``path`` as the live page does, then one more time (a retry)."""
    sc = COURSE.scenarios[COURSE.activity(activity).scenario]  # type: ignore[union-attr]
    practice = Practice.start(sc)
    for index in path:
        practice = practice.choose(index)
        attempt, finished = current(practice)
        for _ in range(2):
            if group is None:
                roleplay.save(store, ws.id, pid, activity, attempt, finished)
            else:
                roleplay_groups.save_group(store, ws.id, pid, activity, group, attempt, finished)


@pytest.fixture
def room(sqlite_store: Store) -> Iterator[Room]:
    ws, _ = workshops.create(sqlite_store, "演练报告", (6, 7))
    ids = {n: participants.join(sqlite_store, ws.id, n, staff_id=f"E{i}")[0].id
           for i, n in enumerate(("甲", "乙", "丙", "丁"), 1)}
    participants.set_groups(sqlite_store, ws.id, {ids["甲"]: 1, ids["乙"]: 1, ids["丙"]: 2})
    for act in (SOLO, GROUP):
        activities.set_state(sqlite_store, ws.id, act, "open")
    sc = COURSE.scenarios["other-wrong-transfer"]
    play(sqlite_store, ws, ids["甲"], SOLO, best_path(sc))
    play(sqlite_store, ws, ids["乙"], SOLO, forced_path(sc))
    play(sqlite_store, ws, ids["丙"], SOLO, best_path(sc)[:2])  # stopped half-way
    card = COURSE.scenarios["card-auto-installment"]
    play(sqlite_store, ws, ids["甲"], GROUP, best_path(card), group=1)
    yield Room(COURSE, sqlite_store, ws, ids)


def test_results_count_finished_attempts_and_group_members(room: Room) -> None:
    d = load_workshop(room.course, room.store, room.ws)
    assert len(d.plays) == 4  # a retried write adds nothing
    results = session_results(d)
    solo = {n: results[pid][SOLO] for n, pid in room.ids.items()}
    assert [solo[n].done for n in ("甲", "乙", "丙", "丁")] == [True, True, False, False]
    assert solo["甲"].score == 0.95 and solo["丙"].progress == 1 and solo["丁"].progress == 0
    group = {n: results[pid][GROUP].done for n, pid in room.ids.items()}
    assert group == {"甲": True, "乙": True, "丙": False, "丁": False}
    record = training_record(d).set_index("name")
    assert record.loc["乙", "activities_done"] == record.loc["丙", "activities_done"] + 2


def test_the_report_has_a_role_play_section_and_the_appendix_shows_it(room: Room) -> None:
    html = body(load_workshop(room.course, room.store, room.ws))
    section = html.split("转错账的客户怪网点", 1)[1].split("<section")[0]
    assert "参与 <b>3</b> / 4 人" in section and "全部完成 <b>2</b> 人" in section
    assert "结局分布" in section and "情绪在哪里失控" in section and "×1 人" in section
    assert "全班的路径（每人最近一次）" in section and "<b>2 人</b>" in section
    assert "技能画像（全班平均）" in section and "道歉共情" in section
    assert "最高 95、最低 0" in section
    group_section = html.split("一笔家电消费被“自动分期”", 1)[1].split("<section")[0]
    assert "<b>1 组</b>" in group_section
    appendix = html.split("附录:学员个人结果")[1]
    assert "✓ 95%" in appendix and "1 次·未完成" in appendix


def test_the_workbook_has_a_role_play_sheet(room: Room, tmp_path: Path) -> None:
    path = export_workshop(room.course, room.store, room.ws, "xlsx", tmp_path / "x.xlsx")
    sheet = pd.read_excel(path, sheet_name="情景演练")
    assert len(sheet) == 4
    group = sheet[sheet["组"] == 1].iloc[0]
    assert set(group["学员"].split("、")) == {"甲", "乙"} and group["已完成"] == "是"
    forced = sheet[sheet["情绪强制结束"] == "是"].iloc[0]
    assert forced["学员"] == "乙" and forced["得分"] == 0
    assert forced["路径(回应序号)"] == "-".join(str(c + 1) for c in forced_path(
        COURSE.scenarios["other-wrong-transfer"]))
    assert str(forced["情绪变化"]).startswith("75 → ")
