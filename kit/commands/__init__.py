"""One module per ``python -m kit`` subcommand.

Each module defines ``HELP`` (one line for ``--help``), ``add_arguments(parser)`` and
``run(args) -> int``. Modules import their heavy parts inside ``run``, so that ``--help`` and
every other command stay quick. Add a command by adding its module name to ``COMMANDS``.
"""

COMMANDS: tuple[str, ...] = ("validate", "serve", "demo", "export", "content", "check-copy",
                             "records", "verify", "analyse", "scenario", "fleet")
