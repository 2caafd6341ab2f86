"""Command line: ``python -m kit <command>``; each command lives in :mod:`kit.commands`.

Help and messages are in the language of ``KIT_LANG`` (``en`` or the default Chinese), which
:mod:`kit.i18n` reads when it is imported, so before the parser and its help are built. There
is no global ``--lang``: ``export --lang`` (a report's language) and ``serve --lang`` (the
pages') already mean something narrower, and one environment variable covers every command.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from kit.commands import COMMANDS
from kit.i18n import _


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m kit", description=_("消保工坊命令行工具"))
    sub = parser.add_subparsers(dest="command", required=True)
    for name in COMMANDS:
        module = importlib.import_module(f"kit.commands.{name.replace('-', '_')}")
        text = _(module.HELP)
        command = sub.add_parser(name, help=text, description=text)
        module.add_arguments(command)
        command.set_defaults(run=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    return int(args.run(args))


if __name__ == "__main__":
    sys.exit(main())
