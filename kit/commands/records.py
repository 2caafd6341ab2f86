"""``python -m kit records --since DATE``: training records across every session in the store."""

from __future__ import annotations

import argparse
from pathlib import Path

from kit.i18n import N_, _

HELP = N_("汇总各场工作坊的培训记录:每位员工每个模块一行(按工号合并)")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--since", required=True, help=_("开始日期 YYYY-MM-DD(含)"))
    parser.add_argument("--until", help=_("结束日期 YYYY-MM-DD(含),默认今天"))
    parser.add_argument("--format", choices=["xlsx", "csv"], default="xlsx",
                        help=_("xlsx 工作簿(records、unmatched 两页)| csv(另附 -unmatched.csv)"))
    parser.add_argument("--out", type=Path, help=_("输出路径,默认当前目录"))
    parser.add_argument("--db", help=_("存储地址,默认 var/ 下的 SQLite"))


def run(args: argparse.Namespace) -> int:
    import pandas as pd

    from kit.content import load_course
    from kit.logic.text import InputProblem
    from kit.reports import history, tables
    from kit.reports.names import records_name
    from kit.reports.records import COLUMNS, UNMATCHED_COLUMNS, attempts, records
    from kit.settings import get_settings
    from kit.store import certificates, open_store

    try:
        when = history.period(args.since, args.until)
    except InputProblem as problem:
        print(_("未导出:{problem}").format(problem=problem))
        return 1
    course, store = load_course(get_settings().data_dir), open_store(args.db)
    found = history.sessions(course, store, when)
    certs = certificates.of_workshops(store, [d.workshop.id for d in found])
    matched, unmatched = records([a for d in found for a in attempts(d, certs)])
    out = args.out or Path(records_name(when.since, when.until, args.format))
    paths = tables.write({"records": pd.DataFrame(matched, columns=COLUMNS),
                          "unmatched": pd.DataFrame(unmatched, columns=UNMATCHED_COLUMNS)},
                         args.format, out)
    print(_("{since} 至 {until}:{sessions} 场工作坊,{matched} 行记录"
            "(按工号合并),{unmatched} 行未填工号、未能合并。").format(
        since=when.since, until=when.until, sessions=len(found), matched=len(matched),
        unmatched=len(unmatched)))
    print(_("已导出:{path}").format(path=_("、").join(str(p) for p in paths)))
    return 0
