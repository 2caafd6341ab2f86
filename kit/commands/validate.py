"""``python -m kit validate [DATA_DIR]``."""

from __future__ import annotations

import argparse
from pathlib import Path

from kit.i18n import N_, _

HELP = N_("校验 data/ 下的课程内容")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("data_dir", nargs="?", type=Path, help=_("内容目录,默认为仓库的 data/"))
    parser.add_argument("--no-schemas", action="store_true", help=_("不写出 JSON Schema"))


def run(args: argparse.Namespace) -> int:
    from kit.settings import get_settings
    from kit.validate import run as validate

    return validate(args.data_dir or get_settings().data_dir, schemas=not args.no_schemas)
