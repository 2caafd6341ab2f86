"""What the parent loads before it forks, and the key that says when that is out of date."""

from __future__ import annotations

import hashlib
import importlib
import logging
import pkgutil
import sys
from pathlib import Path

from jupyter_client import localinterfaces

import kit
from kit.settings import get_settings
from kit.store.db import preload_driver

LOG = logging.getLogger("kit.kernels")
THIRD_PARTY = ("ipykernel.kernelapp", "ipykernel.ipkernel", "ipykernel.zmqshell",
               "ipykernel.comm", "ipykernel.debugger", "IPython.core.interactiveshell",
               "IPython.core.debugger", "IPython.core.completerlib", "IPython.core.oinspect",
               "IPython.extensions.storemagic", "IPython.utils.wildcard", "pdb", "pydoc",
               "faulthandler", "ipywidgets", "anywidget", "jupyter_client.session", "setproctitle",
               "psutil", "tornado.platform.asyncio")
"""What ``IPKernelApp`` imports as it starts (its debugger brings pydevd, ~9 MB a kernel).
The store's SQL toolkit comes with ``kit.live``; its DB-API driver with :func:`preload_driver`."""
KIT_PACKAGES = ("kit.state", "kit.live", "kit.widgets", "kit.pages")
HEAVY = ("pandas", "numpy", "scipy", "statsmodels", "openpyxl", "matplotlib")
"""A trainee kernel never needs these (``tests/test_lean_trainee.py``); neither does the parent."""
MODULES: frozenset[str] = frozenset()
"""Every module the parent holds when it is warm: the kernels' ``%reset --aggressive`` baseline."""


def warm() -> str:
    """Import the trainee path and load the course; return the freshness key it was loaded at.

    No engine, connection, zmq context, event loop or thread is created here."""
    key = freshness()
    for name in THIRD_PARTY:
        importlib.import_module(name)
    import kit.app

    for package in KIT_PACKAGES:
        for module in pkgutil.iter_modules(importlib.import_module(package).__path__,
                                           package + "."):
            importlib.import_module(module.name)
    from kit.kernels.kernel import TraineeKernelApp

    TraineeKernelApp.instance().log.debug("warm")  # the app and its logging set-up, made once
    kit.app.load()  # the course, memoised by kit.content.cache for the children
    localinterfaces.local_ips()  # read once here, not by each kernel as it loads its connection
    preload_driver(get_settings().store_url)
    global MODULES
    MODULES = frozenset(sys.modules)
    if heavy := [m for m in HEAVY if m in sys.modules]:
        LOG.warning("kit fork parent: heavy modules on the trainee path: %s", heavy)
    return key


def freshness() -> str:
    """The kit's source files and the course content, by path, size and modification time."""
    from kit.content.cache import fingerprint

    digest = hashlib.sha256()
    root = Path(kit.__file__).parent
    for path in sorted(root.rglob("*.py")):
        stat = path.stat()
        digest.update(f"{path.relative_to(root)}:{stat.st_size}:{stat.st_mtime_ns};".encode())
    digest.update(fingerprint(get_settings().data_dir).encode())
    return digest.hexdigest()[:20]
