"""Browser figures: time to interactive, page weight, live latency, kernels left on close."""

from __future__ import annotations

import statistics
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from benchmarks import ksm, memory
from benchmarks.servers import Running
from kit.store import Store, workshops

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
T = 120_000


@contextmanager
def chromium() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        try:
            yield browser
        finally:
            browser.close()


PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True,
         "device_scale_factor": 3}


SHOWN = """(name) => { window.__kitShown = null;
  const shown = () => [...document.querySelectorAll('button')].some(
    (b) => b.textContent.trim() === name && b.getClientRects().length > 0);
  new MutationObserver((_, watch) => { if (shown()) {
    window.__kitShown = performance.now() / 1000; watch.disconnect(); } })
  .observe(document, {subtree: true, childList: true, attributes: true}); }"""
"""Notes, in the page, when a button named ``name`` is first laid out (seconds since navigation
began). Playwright's own wait polls at growing intervals (up to 0.5 s apart), so the moment
it sees the button can lag the moment the button appeared by as much."""


def _until_shown(page: Any, url: str, ready: str) -> float:
    """Seconds from navigation until ``ready`` is shown, measured in the page."""
    page.add_init_script(f"({SHOWN})({ready!r})")
    page.goto(url, timeout=T)
    page.get_by_role("button", name=ready).first.wait_for(timeout=T)
    return float(page.evaluate("() => window.__kitShown"))


def tti_phone(browser: Any, url: str, ready: str, throttle: float = 4.0) -> tuple[float, float]:
    """Seconds until ``ready`` is shown in a 390×844 mobile context whose CPU runs
    ``throttle`` times slower: first on a cold cache, then again in the same context."""
    ctx = browser.new_context(**PHONE)
    took = []
    for _ in range(2):
        page = ctx.new_page()
        ctx.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": throttle})
        took.append(_until_shown(page, url, ready))
        page.close()
    ctx.close()
    return took[0], took[1]


WEIGHT = """() => performance.getEntriesByType('navigation').concat(
  performance.getEntriesByType('resource')).reduce((a, e) => [a[0] + 1, a[1] + e.transferSize],
  [0, 0])"""


def tti(browser: Any, url: str, ready: str) -> tuple[float, int, int]:
    """Seconds until ``ready`` (a button name) is shown; requests and bytes on the wire
    (compressed as sent) on a fresh load."""
    ctx = browser.new_context()
    page = ctx.new_page()
    took = _until_shown(page, url, ready)
    requests, sent = page.evaluate(WEIGHT)
    ctx.close()
    return took, int(requests), int(sent)


WATCH = """() => { window.__kitShown = 0; new MutationObserver((_, obs) => {
  if (document.querySelector('.kit-question')) { window.__kitShown = Date.now(); obs.disconnect(); }
}).observe(document.body, {childList: true, subtree: true}); }"""


def _delivered(page: Any, into: list[float]) -> None:
    """Note when the page's kernel sends it new widgets (before the browser draws them)."""
    def frame(payload: Any) -> None:
        data = payload if isinstance(payload, bytes) else str(payload).encode()
        if b"comm_open" in data:
            into.append(time.time())

    page.on("websocket", lambda ws: ws.on("framereceived", frame))


def _join(ctx: Any, server: Running, code: str, pages: int,
          frames: list[list[float]] | None = None) -> list[Any]:
    trainees = []
    for i in range(pages):
        page = ctx.new_page()
        if frames is not None:
            frames.append([])
            _delivered(page, frames[-1])
        page.goto(f"{server.url}?code={code}")
        page.get_by_placeholder("姓名或工号").fill(f"测{i}")
        page.get_by_role("button", name="加入").click()
        page.get_by_text("请稍候").wait_for(timeout=T)
        trainees.append(page)
    return trainees


def rss(server: Running, pids: set[int]) -> list[memory.Memory]:
    """RSS, PSS and USS (MB) of these kernels of ``server``."""
    return memory.of_all([k for k in server.kernels() if k.pid in pids])


def page_rss(browser: Any, server: Running, ready: str, pages: int) -> list[memory.Memory]:
    """Kernel memory once ``pages`` fresh pages are interactive (``ready`` button visible)."""
    before = {k.pid for k in server.kernels()}
    ctx = browser.new_context()
    for _ in range(pages):
        page = ctx.new_page()
        page.goto(server.url)
        page.get_by_role("button", name=ready).first.wait_for(timeout=T)
    time.sleep(1.0)
    got = rss(server, {k.pid for k in server.kernels()} - before)
    ctx.close()
    return got


def live_latency(browser: Any, server: Running, db: str, pages: int) -> dict[str, Any]:
    """Instructor opens an activity → visible on every trainee page; trainee submits → chart.

    Also the trainees' kernel RSS once the activity is shown (the memory figure's definition),
    and again with the host's page merging on while the pages stay open and polling, where this
    run may switch it on (``benchmarks/ksm.py``).
    """
    store = Store(db)
    ws, key = workshops.create(store, "延迟测量", (3,))
    ctx = browser.new_context()
    before = {k.pid for k in server.kernels()}
    frames: list[list[float]] = []
    trainees = _join(ctx, server, ws.code, pages, frames)
    mine = {k.pid for k in server.kernels()} - before
    console = ctx.new_page()
    console.goto(server.url.replace("exercises/trainee.ipynb", "workshops/console.ipynb")
                 + f"?code={ws.code}")
    console.get_by_label("讲师密钥").fill(key)
    console.get_by_role("button", name="进入控制台").click()
    row = console.locator(".kit-row", has_text="日常八大投诉问题拆解").first
    row.wait_for(timeout=T)
    row.get_by_role("button", name="查看").click()
    for page in trainees:
        page.evaluate(WATCH)
    clicked = time.time()
    row.get_by_role("button", name="开放作答").click()
    for page in trainees:
        page.locator(".kit-question").first.wait_for(timeout=T)
    opened = [page.evaluate("window.__kitShown") / 1000 - clicked for page in trainees]
    sent = [min((t for t in f if t > clicked), default=clicked) - clicked for f in frames]
    time.sleep(1.0)
    used = rss(server, mine)
    parent = server.parent()
    parent_pss = _pss(parent)
    merged = ksm.merged(lambda: {"memory": rss(server, mine), "parent_pss": _pss(parent)})
    shown = []
    for n, page in enumerate(trainees, 1):
        card = page.locator(".kit-question").first
        card.locator(".widget-toggle-button").first.click()
        t0 = time.perf_counter()
        card.get_by_role("button", name="提交").first.click()
        console.get_by_text(f"已作答 {n} 人").wait_for(timeout=T)
        shown.append(time.perf_counter() - t0)
    ctx.close()
    store.dispose()
    return {"open_p50": _pct(opened, 50), "open_p95": _pct(opened, 95),
            "sent_p50": _pct(sent, 50), "sent_p95": _pct(sent, 95),
            "submit_p50": _pct(shown, 50), "submit_p95": _pct(shown, 95), "memory": used,
            "parent_pss": parent_pss, "merged": merged}


def _pss(proc: Any) -> float:
    got = memory.of(proc.pid) if proc else None
    return got.pss if got else 0.0


def kernels_left(browser: Any, servers: tuple[Running, ...], pages: int,
                 wait: float = 10.0) -> tuple[int, ...]:
    """Open pages on each server, close them all, count their kernels left ``wait`` s later."""
    before = [{k.pid for k in s.kernels()} for s in servers]
    ctx = browser.new_context()
    opened = [(i, ctx.new_page()) for i in range(len(servers)) for _ in range(pages)]
    for i, page in opened:
        page.goto(servers[i].url)
    for _, page in opened:
        page.get_by_role("button").first.wait_for(timeout=T)
    mine = [{k.pid for k in s.kernels()} - b for s, b in zip(servers, before, strict=True)]
    for _, page in opened:
        page.close(run_before_unload=True)
    time.sleep(wait)
    ctx.close()
    return tuple(len(m & {k.pid for k in s.kernels()}) for s, m in zip(servers, mine,
                                                                       strict=True))


def _pct(values: list[float], q: int) -> float:
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]
