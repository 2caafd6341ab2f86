"""``python -m kit validate [DATA_DIR]``: every problem, with file:line, in the language of
``KIT_LANG`` (Chinese by default)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from kit.content import Course, check
from kit.content.drafts import draft_notes
from kit.content.schemas import write_schemas
from kit.i18n import N_, _

COUNTS = {"维度": N_("维度 {count}"), "案例": N_("案例 {count}"), "测验题": N_("测验题 {count}"),
          "投票题": N_("投票题 {count}"), "模板": N_("模板 {count}"), "量规": N_("量规 {count}"),
          "模块": N_("模块 {count}"), "规则集": N_("规则集 {count}"), "范例": N_("范例 {count}"),
          "情景": N_("情景 {count}"), "活动": N_("活动 {count}")}
"""Each count of :meth:`Course.counts`, as the summary line shows it."""


def run(data_dir: Path, out: TextIO = sys.stdout, schemas: bool = True) -> int:
    if not data_dir.is_dir():
        print(_("{path}: 找不到内容目录").format(path=data_dir), file=out)
        return 1
    course, problems = check(data_dir)
    for problem in problems:
        print(problem, file=out)
    if course is None:
        print(_("校验未通过:共 {count} 个问题。").format(count=len(problems)), file=out)
        return 1
    if schemas:
        write_schemas(data_dir / "schemas")
    summary = _(",").join(_(COUNTS[k]).format(count=v) if k in COUNTS else f"{k} {v}"
                          for k, v in course.counts().items())
    print(_("校验通过:{summary}。").format(summary=summary), file=out)
    for line in scenario_lines(course):
        print(line, file=out)
    _print_drafts(data_dir, out)
    return 0


def scenario_lines(course: Course) -> list[str]:
    """One line per scenario: its number of paths, best and worst score."""
    from kit.content.scenario_paths import explore, summarise

    lines = []
    for sc in course.scenarios.values():
        s = summarise(explore(sc))
        lines.append("  " + _("情景 {id}「{title}」:{paths} 条路径,最高 {best} 分,最低 {worst} 分"
                                ).format(id=sc.id, title=sc.title, paths=s.paths, best=s.best,
                                         worst=s.worst))
    return lines


def _print_drafts(data_dir: Path, out: TextIO) -> None:
    """Drafts do not fail validation (no activity can use them); each is listed until done."""
    notes = draft_notes(data_dir)
    for note in notes:
        print(note, file=out)
    if notes:
        print(_("另有 {count} 道草稿题:学员看不到,完成并删去 draft: true 后才能用于活动。"
                ).format(count=len(notes)), file=out)
