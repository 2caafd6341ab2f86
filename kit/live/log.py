"""The ``kit`` logger of a page's kernel: the server's terminal and the store's events table.

A kernel's ``sys.stderr`` is forwarded to the page over the websocket, so the terminal handler
writes to the kernel's *original* stderr (the server's terminal) instead. ERROR records also go
to the ``events`` table with the page's role, workshop and participant, for the console's 问题
panel; a writer thread sends them, so logging never waits on the store, and keeps a few when the
store is down, to send once it is back. Tracebacks never travel to a trainee's page.
"""

from __future__ import annotations

import contextlib
import logging
import os
import queue
import sys
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import IO, Any

from kit.store import Store, events

LOGGER = "kit"
KEEP = 200  # events kept while the store is down
log = logging.getLogger(LOGGER)


@dataclass(frozen=True)
class PageContext:
    role: str = ""
    workshop_id: int | None = None
    participant_id: int | None = None


_context = PageContext()
_sink: EventSink | None = None


def set_context(**changes: Any) -> None:
    """Who this kernel's page is (one page per kernel; the cells of a module notebook agree)."""
    global _context
    _context = replace(_context, **changes)


def context() -> PageContext:
    return _context


def terminal() -> IO[str]:
    """A text stream on the server's terminal, whatever the kernel did to ``sys.stderr``."""
    try:
        fd = sys.stderr.fileno()  # ipykernel's stream answers with the original stderr
    except (OSError, AttributeError, ValueError):
        fd = 2
    return os.fdopen(os.dup(fd), "w", buffering=1, encoding="utf-8", errors="replace")


class EventSink(logging.Handler):
    """ERROR records → the events table, written by one thread; kept and retried if the store
    is down. ``threaded=False`` writes at once (tests)."""

    def __init__(self, store: Callable[[], Store], threaded: bool = True) -> None:
        super().__init__(logging.ERROR)
        self._store, self._threaded = store, threaded
        self._queue: queue.Queue[tuple[PageContext, str, str]] = queue.Queue(KEEP)
        self._waiting: list[tuple[PageContext, str, str]] = []
        self._thread: threading.Thread | None = None

    def emit(self, record: logging.LogRecord) -> None:
        detail = "".join(traceback.format_exception(*record.exc_info)) if record.exc_info else ""
        item = (_context, record.getMessage(), detail)
        if not self._threaded:
            self._waiting.append(item)
            self.send()
            return
        try:
            self._queue.put_nowait(item)
        except queue.Full:
            return
        if self._thread is None:
            self._thread = threading.Thread(target=self._loop, name="kit-events", daemon=True)
            self._thread.start()

    def _loop(self) -> None:
        while True:
            with contextlib.suppress(queue.Empty):
                self._waiting.append(self._queue.get(timeout=2.0))
            if self._waiting:
                self.send()

    def send(self) -> bool:
        """Write what is waiting; on failure keep it (bounded) for the next try."""
        try:
            store = self._store()
            while self._waiting:
                ctx, summary, detail = self._waiting[0]
                events.record(store, ctx.workshop_id, ctx.participant_id, ctx.role, summary,
                              detail)
                self._waiting.pop(0)
        except Exception:
            del self._waiting[:-KEEP]
            return False
        return True


def configure(role: str, store: Callable[[], Store], threaded: bool = True) -> logging.Logger:
    """Set this kernel's ``kit`` logger up once: terminal plus events table."""
    global _sink
    set_context(role=role)
    if _sink is None:
        term = logging.StreamHandler(terminal())
        term.setFormatter(logging.Formatter("[kit %(asctime)s %(levelname)s] %(message)s"))
        term.setLevel(logging.WARNING)
        _sink = EventSink(store, threaded)
        log.addHandler(term)
        log.addHandler(_sink)
        log.setLevel(logging.INFO)
        log.propagate = False  # the root logger of a kernel writes to the page
    return log


def unconfigure() -> None:
    """Remove the handlers (tests)."""
    global _sink
    for handler in list(log.handlers):
        log.removeHandler(handler)
    log.propagate, _sink = True, None
    set_context(role="", workshop_id=None, participant_id=None)
