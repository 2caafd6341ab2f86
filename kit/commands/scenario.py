"""``python -m kit scenario import-twee|export-twee``: role-play scenarios to and from Twine."""

from __future__ import annotations

import argparse
from pathlib import Path

from kit.i18n import N_, _

HELP = N_("情景演练:从 Twine(Twee 3)导入情景,或把情景导出为 Twee")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", required=True)
    imp = sub.add_parser("import-twee", help=_("把 Twee 3 文件导入为 data/scenarios/ 下的 YAML"))
    imp.add_argument("file", type=Path, help=_("Twee 3 文件(.twee / .tw)"))
    imp.add_argument("--out", type=Path, required=True,
                     help=_("写出的 YAML,如 data/scenarios/x.yaml"))
    imp.add_argument("--force", action="store_true", help=_("覆盖已有的文件"))
    exp = sub.add_parser("export-twee", help=_("把一个情景 YAML 导出为 Twee 3,可在 Twine 中打开"))
    exp.add_argument("file", type=Path, help=_("情景 YAML,如 data/scenarios/x.yaml"))
    exp.add_argument("--out", type=Path, required=True, help=_("写出的 Twee 文件"))
    exp.add_argument("--force", action="store_true", help=_("覆盖已有的文件"))


def run(args: argparse.Namespace) -> int:
    from kit.content.scenario_io import export_twee, import_twee

    action = import_twee if args.action == "import-twee" else export_twee
    lines, code = action(args.file, args.out, args.force)
    for line in lines:
        print(line)
    return code
