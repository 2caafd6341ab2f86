"""``python -m kit analyse``: which cases and questions work, across every session."""

from __future__ import annotations

import argparse
from pathlib import Path

from kit.i18n import N_, _

HELP = N_("题目分析(供课程设计):难度、区分度、干扰项,列出需要复查的题目")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--since", help=_("开始日期 YYYY-MM-DD(含),默认全部"))
    parser.add_argument("--until", help=_("结束日期 YYYY-MM-DD(含),默认今天"))
    parser.add_argument("--format", choices=["text", "xlsx", "csv"], default="text",
                        help=_("text 在终端列出需复查的题目(默认)| xlsx 工作簿 | csv 文件"))
    parser.add_argument("--out", type=Path, help=_("xlsx/csv 的输出路径,默认当前目录"))
    parser.add_argument("--db", help=_("存储地址,默认 var/ 下的 SQLite"))


def run(args: argparse.Namespace) -> int:
    from kit.logic.text import InputProblem
    from kit.reports import tables
    from kit.reports.designer import analyse_store
    from kit.reports.names import analysis_name

    try:
        view = analyse_store(args.since, args.until, args.db)
    except InputProblem as problem:
        print(_("未分析:{problem}").format(problem=problem))
        return 1
    print(view.summary)
    if args.format != "text":
        out = args.out or Path(analysis_name(view.period.since, view.period.until, args.format))
        paths = tables.write({"items": view.items, "review": view.review,
                              "agreement": view.agreement}, args.format, out)
        print(_("已导出:{path}").format(path=_("、").join(str(p) for p in paths)))
    return 0
