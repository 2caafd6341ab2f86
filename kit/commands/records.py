"""``python -m kit records --since DATE``: training records across every session in the store."""

from __future__ import annotations

import argparse
from pathlib import Path

HELP = "汇总各场工作坊的培训记录:每位员工每个模块一行(按工号合并)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--since", required=True, help="开始日期 YYYY-MM-DD(含)")
    parser.add_argument("--until", help="结束日期 YYYY-MM-DD(含),默认今天")
    parser.add_argument("--format", choices=["xlsx", "csv"], default="xlsx",
                        help="xlsx 工作簿(records、unmatched 两页)| csv(另附 -unmatched.csv)")
    parser.add_argument("--out", type=Path, help="输出路径,默认当前目录")
    parser.add_argument("--db", help="存储地址,默认 var/ 下的 SQLite")


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
        print(f"未导出:{problem}")
        return 1
    course, store = load_course(get_settings().data_dir), open_store(args.db)
    found = history.sessions(course, store, when)
    certs = certificates.of_workshops(store, [d.workshop.id for d in found])
    matched, unmatched = records([a for d in found for a in attempts(d, certs)])
    out = args.out or Path(records_name(when.since, when.until, args.format))
    paths = tables.write({"records": pd.DataFrame(matched, columns=COLUMNS),
                          "unmatched": pd.DataFrame(unmatched, columns=UNMATCHED_COLUMNS)},
                         args.format, out)
    print(f"{when.since} 至 {when.until}:{len(found)} 场工作坊,{len(matched)} 行记录"
          f"(按工号合并),{len(unmatched)} 行未填工号、未能合并。")
    print("已导出:" + "、".join(str(p) for p in paths))
    return 0
