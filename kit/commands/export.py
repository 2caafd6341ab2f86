"""``python -m kit export CODE --key KEY``: grades and records of one workshop."""

from __future__ import annotations

import argparse
from pathlib import Path

from kit.i18n import LANGS, N_, _

HELP = N_("导出一场工作坊的成绩与记录(需讲师密钥)")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("code", help=_("参与码"))
    parser.add_argument("--key", required=True, help=_("讲师密钥"))
    parser.add_argument("--format", default="xlsx",
                        choices=["xlsx", "csv", "html", "pdf", "record", "certificates"],
                        help=_("xlsx 工作簿 | csv 文件夹 | html 打印报告 | pdf 报告(需 Chromium)"
                               " | record 培训记录 CSV | certificates 合格证书(签发验证码)"))
    parser.add_argument("--out", type=Path, help=_("输出路径(默认当前目录)"))
    parser.add_argument("--anonymise", action="store_true", help=_("以固定化名替换姓名与工号"))
    parser.add_argument("--db", help=_("存储地址,默认 var/ 下的 SQLite"))
    parser.add_argument("--lang", choices=sorted(LANGS),
                        help=_("报告的语言:zh 中文 | en 英文(标题、说明与表头;课程内容不译),"
                               "默认随 KIT_LANG"))


def run(args: argparse.Namespace) -> int:
    from kit.content import load_course
    from kit.logic.text import InputProblem
    from kit.reports.run import export
    from kit.settings import get_settings
    from kit.store import open_store
    from kit.store.workshops import AccessDenied

    try:
        path = export(load_course(get_settings().data_dir), open_store(args.db), args.code,
                      args.key, args.format, args.out, args.anonymise, args.lang)
    except AccessDenied:
        print(_("参与码或讲师密钥不正确,未导出任何内容。"))
        return 1
    except InputProblem as problem:
        print(_("未导出:{problem}").format(problem=problem))
        return 1
    print(_("已导出:{path}").format(path=path))
    return 0
