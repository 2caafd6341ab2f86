"""What every page controller shares: its store, its runner, its log, kind failure.

A controller never touches a widget. It reads and writes the store through :meth:`call`, which
runs the store work off the kernel's loop and hands the result back on the loop. Failures end
in a Chinese message for the person at the page (``on_problem``) and, unless the person's own
input was the cause, in the ``kit`` log with the traceback (terminal and 问题 panel).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

import traitlets

from kit.i18n import N_, _
from kit.live.runner import Runner, default_runner
from kit.logic.text import InputProblem
from kit.state.common import Done, Note, noop
from kit.store import Store, StoreUnavailable

log = logging.getLogger("kit.live")
FALLBACK = N_("出了点问题,操作没有完成。请再试一次;如果仍不行,请告诉讲师。")
UNSAVED = N_("未保存:暂时无法连接服务器,内容仍在页面上,请稍后再试。")


class PageController(traitlets.HasTraits):
    role = "page"

    def __init__(self, store: Callable[[], Store], runner: Runner | None = None) -> None:
        super().__init__()
        self._store_factory = store
        self._store: Store | None = None
        self.runner = runner or default_runner()
        self.last_ping = time.monotonic()

    def store(self) -> Store:
        """The store, opened on first use (inside a job: off the loop)."""
        if self._store is None:
            self._store = self._store_factory()
        return self._store

    def call(self, job: Callable[[Store], Any], then: Callable[[Any], None],
             done: Done = noop, what: str = "操作", runner: Runner | None = None,
             problem: Callable[[Note], None] | None = None) -> None:
        """Run ``job(store)`` off the loop, then ``then(result)``; ``done()`` either way.

        A failure becomes a Chinese note for ``problem`` (default :meth:`on_problem`); ``what``
        names the action in the log."""
        tell = problem or self.on_problem

        def ok(result: Any) -> None:
            try:
                then(result)
            except Exception as exc:
                tell(self.explain(exc, what))
            finally:
                done()

        def failed(exc: BaseException) -> None:
            try:
                tell(self.explain(exc, what))
            finally:
                done()

        (runner or self.runner).run(lambda: job(self.store()), ok, failed)

    def explain(self, exc: BaseException, what: str) -> Note:
        """The note for the person; the traceback to the log unless their input was the cause."""
        if isinstance(exc, InputProblem):
            return Note(str(exc), "error")
        if isinstance(exc, StoreUnavailable):
            log.error("%s未保存:存储暂时不可用(%s)", what, type(exc.__cause__).__name__,
                      exc_info=exc)
            return Note(_(UNSAVED), "error")
        log.error("%s失败:%s", what, type(exc).__name__, exc_info=exc)
        return Note(_(FALLBACK), "error")

    def on_problem(self, note: Note) -> None:
        """Show ``note`` to the person at the page (each controller puts it in its state)."""
        raise NotImplementedError

    def ping(self) -> None:
        self.last_ping = time.monotonic()

    def page_gone(self, after: float = 120.0) -> bool:
        """No ping for ``after`` seconds: the page was closed; stop working for it."""
        return time.monotonic() - self.last_ping > after
