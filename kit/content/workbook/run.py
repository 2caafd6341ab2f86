"""``kit content export`` and ``kit content import``: what they print and return."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

from kit.content.course import CourseInvalid
from kit.content.trial import trial_check, write_all
from kit.content.workbook import layout as L
from kit.content.workbook import plan as P
from kit.content.workbook.cells import CellProblem, Problems
from kit.content.workbook.read_cases import CaseSheet
from kit.content.workbook.read_items import read_items
from kit.content.workbook.read_rules import read_rules
from kit.content.workbook.read_taxonomy import read_taxonomy
from kit.content.workbook.readers import duplicates
from kit.content.workbook.rows_out import NotRepresentable
from kit.content.workbook.snapshot import Snapshot, snapshot
from kit.i18n import N_, _

SHEETS = (L.CASES, L.QUIZ, L.POLLS, L.DIMS, L.LABELS, L.RULES)


@dataclass(frozen=True)
class Outcome:
    problems: tuple[str, ...]
    plan: P.Plan | None


def _current(data_dir: Path) -> Snapshot | None:
    try:
        return snapshot(data_dir)
    except CourseInvalid as exc:
        print(_("内容目录未通过校验,请先运行 kit validate 并修复:"), *exc.problems, sep="\n")
        return None


def export_xlsx(data_dir: Path, path: Path) -> int:
    from kit.content.workbook.export import export_workbook

    snap = _current(data_dir)
    if snap is None:
        return 1
    try:
        export_workbook(snap, path)
    except NotRepresentable as exc:
        print(_("未导出:{problem}").format(problem=exc))
        return 1
    labels = sum(len(d.labels) for d in snap.taxonomy.dimensions)
    rules = sum(len(r.rules) for r in snap.rulesets)
    print(_("已导出:{path}(案例 {cases} 条、测验题 {quizzes} 道、投票题 {polls} 道、"
            "维度 {dims} 个、标签 {labels} 个、规则 {rules} 条)").format(
        path=path, cases=len(snap.cases), quizzes=len(snap.quizzes), polls=len(snap.polls),
        dims=len(snap.taxonomy.dimensions), labels=labels, rules=rules))
    return 0


def _order(wb: Any) -> Any:
    def key(p: CellProblem) -> tuple[int, int, int]:
        letters, row = coordinate_from_string(p.cell)
        sheet = wb.sheetnames.index(p.sheet) if p.sheet in wb.sheetnames else 99
        return sheet, row, column_index_from_string(letters)
    return key


def read(wb: Any, name: str, snap: Snapshot) -> Outcome:
    """Every problem of the workbook, or the plan of what to write."""
    problems = Problems(name)
    new_taxonomy = read_taxonomy(wb, problems, snap.taxonomy)
    cases = CaseSheet(new_taxonomy or snap.taxonomy, problems).read(wb[L.CASES]) \
        if L.CASES in wb.sheetnames else None
    quiz = read_items(wb[L.QUIZ], problems, True) if L.QUIZ in wb.sheetnames else None
    polls = read_items(wb[L.POLLS], problems, False) if L.POLLS in wb.sheetnames else None
    duplicates([*(quiz or []), *(polls or [])], lambda r: r.entry.id, "id", _("题目 id "))
    rulesets = read_rules(wb, problems, snap.rulesets)
    if problems.found:
        return Outcome(tuple(map(str, sorted(problems.found, key=_order(wb)))), None)
    plan = P.Plan()
    for reads, old, kind in ((cases, [(p.file, p.entry) for p in snap.cases], N_("案例")),
                             (quiz, [(p.file, p.entry) for p in snap.quizzes], N_("测验题")),
                             (polls, P.polls_placed(snap), N_("投票题"))):
        if reads is not None:
            P.entries(plan, snap.root, old, reads, kind)
    P.taxonomy(plan, snap, new_taxonomy or snap.taxonomy)
    P.rules(plan, snap, rulesets or [])
    return Outcome((), plan)


def import_xlsx(data_dir: Path, path: Path, dry_run: bool) -> int:
    from openpyxl import load_workbook

    snap = _current(data_dir)
    if snap is None:
        return 1
    try:
        wb = load_workbook(path, data_only=False)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        print(_("{name}: 无法作为 Excel 工作簿(.xlsx)打开:{error}").format(
            name=path.name, error=exc))
        return 1
    outcome = read(wb, path.name, snap)
    if outcome.plan is None:
        print(*outcome.problems, _("共 {count} 个问题,未写入任何文件。").format(
            count=len(outcome.problems)), sep="\n")
        return 1
    return _apply(data_dir, outcome.plan, dry_run)


def _apply(data_dir: Path, plan: P.Plan, dry_run: bool) -> int:
    for kind, ids in plan.kept.items():
        if ids:
            shown = _("、").join(ids[:10]) + (_(" 等") if len(ids) > 10 else "")
            print(_("工作簿中没有这些{kind},data/ 中保持不变:{ids}").format(
                kind=_(kind), ids=shown))
    if not plan.files:
        print(_("工作簿与 data/ 一致:没有需要写入的改动。"))
        return 0
    if found := trial_check(data_dir, plan.files):
        print(*found, _("导入后的 YAML 未通过校验,未写入任何文件。"), sep="\n")
        return 1
    for rel in sorted(plan.files):
        shown = _("、").join(plan.changed.get(rel, []))
        gone = _("(条目已全部移走,删除此文件)")
        print(f"  {rel}:" + (gone if plan.files[rel] is None else shown))
    if dry_run:
        print(_("--dry-run:以上 {count} 个文件将被改写,未写入。").format(count=len(plan.files)))
        return 0
    write_all(data_dir, plan.files)
    print(_("已写入 {count} 个文件;运行 kit validate 可再次确认。").format(count=len(plan.files)))
    return 0
