"""Where a page's store calls run: off the kernel's event loop, one at a time, in order.

A locked SQLite file or a slow PostgreSQL must never freeze a kernel: while a call waits (the
store retries with backoff for several seconds), the loop keeps answering the page's pings and
clicks. Calls of one page run in the order they were made, so an autosave never lands after the
submit that followed it. Results come back on the loop, where widgets may be touched.

Tests use :class:`Inline` (a call runs at once) or :class:`Deferred` (calls wait until
``drain()``, to see what a page shows while a call is still running).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any, Protocol, TypeVar

T = TypeVar("T")
Job = Callable[[], Any]
Then = Callable[[Any], None]
Fail = Callable[[BaseException], None]


class Runner(Protocol):
    def run(self, job: Job, then: Then, fail: Fail) -> None: ...


class Inline:
    """Run the call now, on the caller's thread."""

    def run(self, job: Job, then: Then, fail: Fail) -> None:
        try:
            result = job()
        except Exception as exc:
            fail(exc)
        else:
            then(result)


class Deferred:
    """Queue calls until :meth:`drain`: the view of a page whose call is still running."""

    def __init__(self) -> None:
        self.queue: list[tuple[Job, Then, Fail]] = []

    def run(self, job: Job, then: Then, fail: Fail) -> None:
        self.queue.append((job, then, fail))

    def drain(self) -> int:
        done = 0
        while self.queue:
            Inline().run(*self.queue.pop(0))
            done += 1
        return done


class Threaded:
    """Each call in a worker thread (``asyncio.to_thread``), one at a time; without a running
    loop (a plain script) the call runs inline."""

    def __init__(self) -> None:
        self._lock: asyncio.Lock | None = None
        self._tasks: set[asyncio.Task[None]] = set()  # a task nobody holds may be collected

    def run(self, job: Job, then: Then, fail: Fail) -> None:
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return Inline().run(job, then, fail)
        task = loop.create_task(self._run(job, then, fail))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return None

    @property
    def pending(self) -> int:
        return len(self._tasks)

    async def _run(self, job: Job, then: Then, fail: Fail) -> None:
        if self._lock is None:
            self._lock = asyncio.Lock()
        try:
            async with self._lock:
                result = await asyncio.to_thread(job)
        except Exception as exc:
            fail(exc)
        else:
            then(result)


def default_runner() -> Runner:
    return Threaded()
