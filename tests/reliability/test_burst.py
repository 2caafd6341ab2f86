"""A room joining at once: 30 trainee pages rendered at the same moment, again and again, none lost.

`make test` runs 5 bursts (150 joins) to stay in its time budget; ``KIT_BURSTS=20`` runs the
issue's 20 bursts of 30 (`docs/benchmarks.md` lists when that last ran and what it found).

The kernels are forked from the warm parent (``kit serve``'s default on Linux). Each request
carries its own query string (a trainee's token travels in it); each kernel must hold exactly
the query string and the ``JUPYTERHUB_USER`` of the request that started it, and no other's.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.kernelprobe import facts, fork_parents
from tests.serverproc import Server, start

ROOM, BURSTS = 30, int(os.environ.get("KIT_BURSTS", "5"))
HUB_USER = "hub-burst-学员"
CONFIG = re.compile(rb'<script id="jupyter-config-data" type="application/json">\s*(\{.*?\})\s*'
                    rb"</script>", re.S)


def render(url: str) -> str | None:
    """The kernel id of a fully rendered trainee page, or None if the page was lost."""
    try:
        with urllib.request.urlopen(url, timeout=180) as resp:
            body = resp.read()
    except OSError:
        return None
    found = CONFIG.search(body)
    widget = b"application/vnd.jupyter.widget-view+json" in body
    if b"voila_finish" not in body or found is None or not widget or b'"ename"' in body:
        return None
    return str(json.loads(found.group(1))["kernelId"])


def shutdown(server: Server, kernel_id: str) -> int:
    req = urllib.request.Request(f"{server.base}/voila/api/shutdown/{kernel_id}", method="POST",
                                 data=b"")
    with urllib.request.urlopen(req, timeout=30) as resp:
        return int(resp.status)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    srv = start(tmp_path_factory.mktemp("burst"), env={"JUPYTERHUB_USER": HUB_USER})
    yield srv
    srv.stop()


@pytest.mark.slow
@pytest.mark.timeout(1500)
def test_thirty_joins_at_once_all_get_in(server: Server, tmp_path: Path) -> None:
    url = server.urls["学员"]
    (parent,) = fork_parents(server)
    for burst in range(BURSTS):
        queries = [f"code=NOSUCH&t={secrets.token_urlsafe(12)}&seat={burst}-{i}"
                   for i in range(ROOM)]
        with ThreadPoolExecutor(max_workers=ROOM) as pool:
            kernels = list(pool.map(lambda q: render(f"{url}?{q}"), queries))
        lost = kernels.count(None)
        log = server.log.read_text()
        assert lost == 0, f"burst {burst + 1}: {lost} of {ROOM} pages lost\n{log}"
        with ThreadPoolExecutor(max_workers=6) as pool:
            seen = list(pool.map(lambda k: facts(server, str(k)), kernels))
        assert [f.query for f in seen] == queries, f"burst {burst + 1}: a query crossed"
        assert {f.hub for f in seen} == {HUB_USER}
        assert len({f.pid for f in seen}) == ROOM
        assert {f.ppid for f in seen} == {parent.pid}, "a kernel was not forked from the parent"
        assert {shutdown(server, k) for k in kernels if k} == {204}
    assert "address in use" not in server.log.read_text().lower()
    assert fork_parents(server) == [parent]
