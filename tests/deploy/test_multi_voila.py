"""Three ``kit serve`` on one PostgreSQL behind nginx (``kit fleet``), end to end.

Sixty simulated trainees come in over HTTP through the proxy's entry point: each is sent to a
server (the redirect), joins (in the store, as the page's join form does) and has their page
rendered by that server's kernel, which seats them there. Three more trainees use real
Chromium through the proxy, with the instructor's console on server 1. Then server 3 is killed
mid-activity: its trainees reload, land on a live server and find their work.
"""

from __future__ import annotations

import random
import time
import urllib.error
import urllib.request
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest

from kit.content.cache import load_cached
from kit.logic.phases import Phase
from kit.logic.questions import for_activity
from kit.logic.simulate import answer, personas
from kit.settings import get_settings
from kit.store import Store, participants, servers, work, workshops
from tests.browser.test_live_room import T, join, row
from tests.deploy.conftest import Fleet, record

pytestmark = [pytest.mark.deploy, pytest.mark.postgres, pytest.mark.browser,
              pytest.mark.slow]
ACTIVITY, TITLE = "m3-daily-problems", "日常八大投诉问题拆解"
TRAINEES = 60
ENTRY = "/voila/render/exercises/trainee.ipynb"
CONSOLE = "/voila/render/workshops/console.ipynb"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


def sent_to(url: str) -> str:
    """The entry point's answer: where it redirects this visitor."""
    opener = urllib.request.build_opener(NoRedirect)
    try:
        opener.open(url, timeout=60)
    except urllib.error.HTTPError as exc:
        assert exc.code == 302, exc.code
        return str(exc.headers["Location"])
    raise AssertionError("the entry point did not redirect")


def render(url: str) -> str:
    """Load a page as a browser would (redirects followed); the address it ended at."""
    with urllib.request.urlopen(url, timeout=180) as resp:
        assert resp.status == 200
        resp.read()
        return str(resp.url)


def server_of(url: str) -> str:
    return urlparse(url).path.split("/")[1]


def arrive(fleet: Fleet, store: Store, code: str, name: str) -> tuple[int, str, str]:
    """One simulated trainee: sent to a server, joins, page rendered there."""
    where = sent_to(f"{fleet.front}{ENTRY}?code={code}")
    ticket = parse_qs(urlparse(where).query)["seat"][0]
    ws = workshops.by_code(store, code)
    assert ws is not None
    who, token = participants.join(store, ws.id, name)
    page = render(f"{fleet.front}{urlparse(where).path}?code={code}&t={token}&seat={ticket}")
    assert server_of(page) == server_of(where)
    return who.id, token, page


def test_three_servers_share_one_room(fleet: Fleet, fresh_db: str, browser: Any) -> None:
    store = Store(fresh_db)
    course = load_cached(get_settings().data_dir, get_settings().var_dir / "cache")
    ws, key = workshops.create(store, "多服务器演练", (3,))
    assert {s.id for s in servers.live(store)} == {"s1", "s2", "s3"}

    # -- 60 trainees arrive at once, through the proxy -----------------------------------
    people = personas(TRAINEES, 11)
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=12) as pool:
        seated = list(pool.map(lambda p: arrive(fleet, store, ws.code, p.name), people))
    record("multi_voila_join_burst", {"trainees": TRAINEES, "servers": 3,
                                      "seconds": round(time.perf_counter() - start, 1)})
    spread = servers.seated(store)
    assert sum(spread.values()) == TRAINEES
    for sid in ("s1", "s2", "s3"):
        assert 16 <= spread.get(sid, 0) <= 24, spread  # within ±20 % of 20
    assert Counter(server_of(page) for _, _, page in seated) == Counter(spread)
    record("multi_voila_spread", spread)
    _memory(fleet)
    connections = store.read(lambda c: c.exec_driver_sql(
        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()").scalar())
    record("multi_voila_pg_connections_after_burst", {"trainees": TRAINEES,
                                                      "connections": connections})

    # -- the instructor on server 1, three trainees in Chromium through the proxy --------
    ctx = browser.new_context(locale="zh-CN")
    from tests.browser.conftest import Outside

    outside = Outside()
    ctx.route("**/*", outside.route)
    console = ctx.new_page()
    console.goto(f"{fleet.front}/s1{CONSOLE}?code={ws.code}")
    console.get_by_label("讲师密钥").fill(key)
    console.get_by_role("button", name="进入控制台").click()
    console.get_by_text("选择下方的活动开始").wait_for(timeout=T)
    pages = []
    for name in ("浏览器甲", "浏览器乙", "浏览器丙"):
        page = ctx.new_page()
        page.goto(f"{fleet.front}{ENTRY}?code={ws.code}")
        page.get_by_placeholder("姓名或工号").wait_for(timeout=T)
        join(page, ws.code, name)
        page.get_by_text("请稍候").wait_for(timeout=T)
        pages.append(page)
    landed = [server_of(p.url) for p in pages]
    assert {"s2", "s3"} <= set(landed), landed

    row(console, TITLE).get_by_role("button", name="开放作答").click()
    for page in pages:
        card = page.locator(".kit-question").first
        card.wait_for(timeout=T)
        card.locator(".widget-toggle-button", has_text="等待时间长").first.click()
        page.get_by_text("已保存").first.wait_for(timeout=T)

    # -- simulated trainees autosave and submit half their work ---------------------------
    items = [q.id for q in for_activity(course, ACTIVITY)]
    rnd = random.Random(3)
    questions = {q.id: q for q in for_activity(course, ACTIVITY)}
    drafts: dict[int, dict[str, Any]] = {}
    keys = {(pid, item): uuid.uuid4().hex for pid, _, _ in seated for item in items}
    for (pid, _, _), persona in zip(seated, people, strict=True):
        draft = {"answer": answer(questions[items[-1]], persona, rnd)}
        drafts[pid] = draft
        work.autosave(store, pid, ACTIVITY, items[-1], draft)
        for item in items[:4]:
            work.submit(store, ws.id, pid, ACTIVITY, item,
                        {"answer": answer(questions[item], persona, rnd)}, keys[pid, item])

    # -- server 3 dies mid-activity --------------------------------------------------------
    fleet.kill("s3")
    moved = pages[landed.index("s3")]
    moved.reload()
    moved.get_by_text("多服务器演练").first.wait_for(timeout=T)
    assert server_of(moved.url) in ("s1", "s2"), moved.url
    moved.locator(".widget-toggle-button.mod-active", has_text="等待时间长").first.wait_for(
        timeout=T)  # the autosaved choice is back, on another server

    on_s3 = [(pid, token) for pid, token, page in seated if server_of(page) == "s3"]
    with ThreadPoolExecutor(max_workers=8) as pool:
        again = list(pool.map(lambda s: render(
            f"{fleet.front}/s3{ENTRY}?code={ws.code}&t={s[1]}"), on_s3))
    assert all(server_of(u) in ("s1", "s2") for u in again), again
    spread = servers.seated(store)
    assert spread.get("s3", 0) == 0 and sum(spread.values()) == TRAINEES + 3, spread
    for pid, _ in on_s3:
        assert work.restore(store, pid, ACTIVITY) == {items[-1]: drafts[pid]}

    # the rest of the work; the first half again with the same keys (a retry after reload)
    for (pid, _, _), persona in zip(seated, people, strict=True):
        for item in items:
            work.submit(store, ws.id, pid, ACTIVITY, item,
                        {"answer": answer(questions[item], persona, rnd)}, keys[pid, item])
    for page in pages:
        card = page.locator(".kit-question").first
        card.get_by_role("button", name="提交").first.click()
        page.get_by_text("已提交(第 1 版)").first.wait_for(timeout=T)

    # -- the instructor closes and reveals; pages on the other servers follow -------------
    row(console, TITLE).get_by_role("button", name="结束作答").click()
    for page in pages:
        page.get_by_text("本活动已关闭").first.wait_for(timeout=T)
    row(console, TITLE).get_by_role("button", name="公布答案").click()
    for page in pages:
        page.get_by_text("参考答案").first.wait_for(timeout=T)
    other = ctx.new_page()  # the console without a prefix: any live server, same session
    other.goto(f"{fleet.front}{CONSOLE}")
    other.get_by_text("当前活动").first.wait_for(timeout=T)
    assert server_of(other.url) in ("s1", "s2"), other.url

    versions = work.all_versions(store, ws.id)
    per_item = Counter((s.participant_id, s.item_id) for s in versions)
    assert len(per_item) == TRAINEES * len(items) + 3
    assert set(per_item.values()) == {1}, "every submission is in the store exactly once"
    assert workshops.live_state(store, ws.id).states[ACTIVITY] == Phase.REVEALED
    for view in (console, other):  # the consoles render the results without a problem
        assert view.get_by_text("出了点问题").count() == 0
    assert outside.urls == []
    ctx.close()
    store.dispose()


def _memory(fleet: Fleet) -> None:
    """PSS of each server's whole tree (Voilà, fork parent, kernels) per seated trainee."""
    from benchmarks.memory import of

    total, kernels = 0.0, 0
    for sid in ("s1", "s2", "s3"):
        for proc in fleet.tree(sid):
            found = of(proc.pid)
            total += found.pss if found else 0.0
            kernels += "ipykernel" in " ".join(proc.cmdline())
    record("kit_serve_memory_per_trainee_mb", {"pss_total_mb": round(total),
                                               "kernels": kernels,
                                               "per_trainee_mb": round(total / TRAINEES, 1)})
