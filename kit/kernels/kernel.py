"""The kernel class of a forked trainee kernel: ipykernel's, without its walk over all modules.

``IPythonKernel.__init__`` lists the file of every module in ``sys.modules`` for its debugger's
"just my code" filter. In a forked child that walk writes the reference count of ~1,000 module
objects and their file names, all on pages shared with the parent, and so copies them into every
kernel (~6 MB for the walk alone; a served kernel holds ~2.4 MB less without it, since later steps
touch some of the same pages). Trainee kernels are never debugged (Voilà has no debugger), so
here the walk sees no modules; everything else is ipykernel's own code.
"""

from __future__ import annotations

import sys
from types import ModuleType
from typing import Any, ClassVar

from ipykernel import ipkernel
from ipykernel.ipkernel import IPythonKernel


class _SysWithoutModules(ModuleType):
    """``sys`` for the length of ``IPythonKernel.__init__``: an empty ``modules``, the rest sys."""

    modules: ClassVar[dict[str, ModuleType]] = {}

    def __getattr__(self, name: str) -> Any:
        return getattr(sys, name)


class TraineeKernel(IPythonKernel):
    def __init__(self, **kwargs: Any) -> None:
        ipkernel.sys = _SysWithoutModules("sys")  # type: ignore[attr-defined]
        try:
            super().__init__(**kwargs)  # type: ignore[no-untyped-call]
        finally:
            ipkernel.sys = sys  # type: ignore[attr-defined]
