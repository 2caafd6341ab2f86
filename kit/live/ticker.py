"""Run a function about once a second on the kernel's event loop, while the page is there."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

log = logging.getLogger("kit.live")


def start(tick: Callable[[], bool], interval: float = 1.0) -> asyncio.Task[None] | None:
    """Call ``tick`` until it returns False. Without a running loop (plain tests) do nothing."""
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        return None

    async def run() -> None:
        while True:
            try:
                if not tick():
                    return
            except Exception:
                log.exception("tick failed; trying again")
            await asyncio.sleep(interval)

    return loop.create_task(run())
