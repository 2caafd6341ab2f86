"""``python -m kit content export|import|import-bank``: content in the tools designers keep.

- ``export --xlsx FILE``: cases, quiz items, polls, taxonomy and rules → one workbook;
- ``import --xlsx FILE [--dry-run]``: the workbook back into ``data/`` (all errors, or all
  changes; nothing is written unless every cell is clean);
- ``import-bank FILE --format gift|aiken|moodle-xml --module N --out data/quizzes/NAME.yaml``:
  a Moodle or Aiken question bank → draft quiz items.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from kit.i18n import N_, _

HELP = N_("课程内容与 Excel 工作簿互转;导入 Moodle GIFT / Aiken / Moodle XML 题库")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", required=True)
    export = sub.add_parser("export", help=_("把内容导出为一个 Excel 工作簿"),
                            description=_("把案例、测验题、投票题、分类体系和规则导出为一个工作簿"))
    export.add_argument("--xlsx", type=Path, required=True, help=_("输出的 .xlsx 文件"))
    read = sub.add_parser("import", help=_("把编辑过的工作簿导回 data/"),
                          description=_("逐格校验工作簿;全部无误才写回 data/ 的 YAML"))
    read.add_argument("--xlsx", type=Path, required=True, help=_("要导入的 .xlsx 文件"))
    read.add_argument("--dry-run", action="store_true", help=_("只校验并列出将要改动的文件,不写入"))
    bank = sub.add_parser("import-bank", help=_("导入 Moodle GIFT / Aiken / Moodle XML 题库"),
                          description=_("把题库导入为草稿测验题(draft: true)"))
    bank.add_argument("file", type=Path, help=_("题库文件"))
    bank.add_argument("--format", required=True, choices=["gift", "aiken", "moodle-xml"],
                      help=_("题库格式"))
    bank.add_argument("--module", type=int, required=True, choices=range(1, 8), metavar="N",
                      help=_("题目所属模块(1-7)"))
    bank.add_argument("--out", type=Path, required=True, help=_("输出文件 data/quizzes/名称.yaml"))
    bank.add_argument("--id-prefix", help=_("题目 id 前缀,默认取输出文件名"))
    bank.add_argument("--dry-run", action="store_true", help=_("只解析并校验,不写入"))
    for command in (export, read, bank):
        command.add_argument("--data", type=Path, help=_("内容目录,默认为仓库的 data/"))


def run(args: argparse.Namespace) -> int:
    from kit.settings import get_settings

    data_dir: Path = args.data or get_settings().data_dir
    if args.action == "import-bank":
        return _import_bank(args, data_dir)
    from kit.content.workbook.run import export_xlsx, import_xlsx

    if args.action == "export":
        return export_xlsx(data_dir, args.xlsx)
    return import_xlsx(data_dir, args.xlsx, args.dry_run)


def _import_bank(args: argparse.Namespace, data_dir: Path) -> int:
    from kit.content.banks.run import BankRefused, BankRequest, import_bank

    req = BankRequest(args.file, args.format, args.module, args.out, data_dir, args.id_prefix,
                      args.dry_run)
    try:
        result = import_bank(req)
    except BankRefused as exc:
        print(_("未导入:{problem}").format(problem=exc))
        return 1
    imp = result.imported
    done = (_("已写入:{path},{count} 道草稿题(draft: true)。") if result.written
            else _("校验通过(--dry-run,未写入):{path},{count} 道草稿题(draft: true)。"))
    print(done.format(path=result.target, count=len(imp.items)), *result.notes, sep="\n")
    for item, line, notes in zip(imp.items, imp.lines, imp.notes, strict=True):
        for note in notes:
            print("  " + _("请复核 {id}(第 {line} 行):{note}").format(
                id=item["id"], line=line, note=note))
    if imp.skipped:
        print(_("未导入 {count} 道:").format(count=len(imp.skipped)),
              *(f"  {s}" for s in imp.skipped), sep="\n")
    print(_("下一步:为每道题补上解析,审核后删去 draft: true;运行 kit validate 查看待完成的题。"))
    return 0
