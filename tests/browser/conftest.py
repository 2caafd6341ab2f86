"""Real Chromium (Debian's /usr/bin/chromium) through Playwright, against a real server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.serverproc import Server, start

LOCAL = {"127.0.0.1", "localhost", "::1", "[::1]"}


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    srv = start(tmp_path_factory.mktemp("serve"))
    yield srv
    srv.stop()


class Outside:
    """Every request that would leave the machine: recorded and refused."""

    def __init__(self) -> None:
        self.urls: list[str] = []

    def route(self, route: object) -> None:
        url = route.request.url  # type: ignore[attr-defined]
        host = urlparse(url).hostname or ""
        if url.startswith(("data:", "blob:", "file:")) or host in LOCAL:
            route.continue_()  # type: ignore[attr-defined]
        else:
            self.urls.append(url)
            route.abort()  # type: ignore[attr-defined]


@pytest.fixture
def context(browser: object, tmp_path: Path) -> Iterator[tuple[object, Outside]]:
    ctx = browser.new_context(locale="zh-CN")  # type: ignore[attr-defined]
    outside = Outside()
    ctx.route("**/*", outside.route)
    yield ctx, outside
    ctx.close()
