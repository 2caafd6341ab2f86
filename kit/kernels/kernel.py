"""The kernel and app classes of a forked trainee kernel: ipykernel's, without two module walks.

Two start-up steps go over every module in ``sys.modules``, and in a forked child each such
walk writes the reference count of ~1,000 objects on pages shared with the parent, so copies
them into every kernel:

- ``IPythonKernel.__init__`` lists the file of every module for its debugger's "just my code"
  filter (~6 MB for the walk alone; a served kernel holds ~2.4 MB less without it). Trainee
  kernels are never debugged (Voilà has no debugger), so here that walk sees no modules.
- IPython's ``init_code`` keeps a set of every module name, the baseline that
  ``%reset --aggressive`` returns ``sys.modules`` to (~1.4 MB). Here the baseline is the parent's
  own set, made once before any fork (:data:`kit.kernels.preload.MODULES`).

Two more steps no longer cost every kernel:

- traitlets' command-line parser has an ``argparse`` option for every configurable trait of
  every class the app knows. The trainee kernelspec's launch line is only
  ``-f CONNECTION_FILE``: that line is read as it is; any other line goes to traitlets.
- the app object itself, and the logging set-up its first log line triggers (``dictConfig``
  visits every logger of every imported library), are made by the parent as it warms up
  (:func:`kit.kernels.preload.warm`); a child only sets its own ``parent_handle``.

With the parent's imports of ``psutil`` and ``tornado.platform.asyncio`` (each kernel imported
them as it started), a kernel at rest holds ~3 MB fewer private pages.

One step must be done again: ipywidgets registers its comm targets (``jupyter.widget`` and
``jupyter.widget.control``) when it is imported in a running kernel, and the parent imported it
before there was one. Without the control target a page fetches the state of each of its ~50
widgets in a round trip of its own (98 websocket frames for the join page instead of 17), which
on a phone-class CPU costs ~0.3 s before the first button shows.

Everything else is ipykernel's and IPython's own code.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from types import ModuleType
from typing import Any, ClassVar

from ipykernel import ipkernel
from ipykernel.ipkernel import IPythonKernel
from ipykernel.kernelapp import IPKernelApp
from IPython.core import shellapp
from ipywidgets import register_comm_target
from traitlets import default
from traitlets.config import Config


class _SysWithoutModules(ModuleType):
    """``sys`` as one step sees it: an empty ``modules``, the rest sys."""

    modules: ClassVar[dict[str, ModuleType]] = {}

    def __getattr__(self, name: str) -> Any:
        return getattr(sys, name)


@contextmanager
def _modules_hidden(module: ModuleType) -> Iterator[None]:
    """For the length of the block, ``module`` sees no modules in ``sys.modules``."""
    module.sys = _SysWithoutModules("sys")  # type: ignore[attr-defined]
    try:
        yield
    finally:
        module.sys = sys  # type: ignore[attr-defined]


class TraineeKernel(IPythonKernel):
    def __init__(self, **kwargs: Any) -> None:
        with _modules_hidden(ipkernel):
            super().__init__(**kwargs)  # type: ignore[no-untyped-call]


class TraineeKernelApp(IPKernelApp):
    @default("kernel_class")
    def _trainee_kernel(self) -> type[TraineeKernel]:
        return TraineeKernel

    def init_kernel(self) -> None:
        super().init_kernel()  # type: ignore[no-untyped-call]
        register_comm_target()  # see the module's docstring

    def parse_command_line(self, argv: list[str] | None = None) -> None:
        if argv is None or len(argv) != 2 or argv[0] != "-f":
            return super().parse_command_line(argv)
        self.argv, self.extra_args = list(argv), []
        self.cli_config = Config({"IPKernelApp": {"connection_file": argv[1]}})
        self.update_config(self.cli_config)
        return None

    def init_code(self) -> None:
        from kit.kernels.preload import MODULES

        with _modules_hidden(shellapp):
            super().init_code()  # type: ignore[no-untyped-call]
        if self.shell is not None:
            self.shell._sys_modules_keys = MODULES
