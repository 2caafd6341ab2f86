"""Faults in a real browser: a killed kernel, closed pages, a restarted server, hostile names."""

from __future__ import annotations

import signal
import time
from pathlib import Path
from typing import Any

import psutil
import pytest

from kit.store import Store, workshops
from tests.browser.test_live_room import T, console_page, join, trainee_page
from tests.serverproc import Server, start

KERNEL_ID = "JSON.parse(document.getElementById('jupyter-config-data').textContent).kernelId"


def kernels(server: Server) -> dict[str, psutil.Process]:
    out = {}
    for proc in psutil.Process(server.proc.pid).children(recursive=True):
        try:
            if proc.status() == psutil.STATUS_ZOMBIE:
                continue
            cmd = " ".join(proc.cmdline())
        except psutil.Error:
            continue  # it just exited
        if "ipykernel" in cmd and "kernel-" in cmd:
            out[cmd.split("kernel-")[1].split(".json")[0]] = proc
    return out


def test_killed_kernel_shows_a_chinese_notice_and_reload_restores(
        server: Server, context: tuple[Any, Any]) -> None:
    ctx, _ = context
    store = Store(server.db)
    ws, _ = workshops.create(store, "断线", (3,))
    page = trainee_page(ctx, server.urls["学员"])
    join(page, ws.code, "断线学员")
    page.get_by_text("请稍候").wait_for(timeout=T)
    kid = page.evaluate(KERNEL_ID)
    kernels(server)[kid].send_signal(signal.SIGKILL)
    page.get_by_text("与服务器的连接已中断").wait_for(timeout=T)
    page.get_by_role("button", name="重新连接 / Reconnect").click()
    page.get_by_text("断线学员").wait_for(timeout=T)
    page.get_by_text("请稍候").wait_for(timeout=T)
    store.dispose()


def test_closed_pages_shut_their_kernels_down(server: Server, context: tuple[Any, Any]) -> None:
    ctx, _ = context
    pages = [trainee_page(ctx, server.urls["学员"]) for _ in range(5)]
    for page in pages:  # the form can show before the bridge that shuts the kernel down
        page.wait_for_selector("[data-kit-bridge=ready]", state="attached", timeout=T)
    ids = {p.evaluate(KERNEL_ID) for p in pages}
    assert ids <= set(kernels(server))
    for page in pages:
        page.close(run_before_unload=True)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and ids & set(kernels(server)):
        time.sleep(0.5)
    assert not ids & set(kernels(server))


def test_hostile_names_and_messages_are_only_text(server: Server,
                                                  context: tuple[Any, Any]) -> None:
    ctx, outside = context
    alerts: list[str] = []
    store = Store(server.db)
    ws, key = workshops.create(store, "<script>alert(3)</script>", (3,))
    con = console_page(ctx, server, ws.code, key)
    con.on("dialog", lambda d: (alerts.append(d.message), d.dismiss()))
    page = trainee_page(ctx, server.urls["学员"])
    page.on("dialog", lambda d: (alerts.append(d.message), d.dismiss()))
    join(page, ws.code, "<svg/onload=alert()>")
    page.get_by_text("请稍候").wait_for(timeout=T)
    con.get_by_placeholder("发给全体学员的一句话").fill("<img src=x onerror=alert(4)>请开始")
    con.get_by_role("button", name="发送通知").click()
    page.get_by_text("<img src=x onerror=alert(4)>请开始").wait_for(timeout=T)
    con.locator("td", has_text="<svg/onload=alert()>").first.wait_for(timeout=T)
    page.get_by_text("<script>alert(3)</script>").first.wait_for(timeout=T)
    assert alerts == [] and outside.urls == []
    store.dispose()


@pytest.mark.slow
def test_server_restart_mid_session(tmp_path: Path, context: tuple[Any, Any]) -> None:
    ctx, _ = context
    db = f"sqlite:///{tmp_path / 'restart.sqlite3'}"
    first = start(tmp_path, db=db)
    store = Store(db)
    ws, _ = workshops.create(store, "重启", (3,))
    page = trainee_page(ctx, first.urls["学员"])
    join(page, ws.code, "重启学员")
    page.get_by_text("请稍候").wait_for(timeout=T)
    url = page.url
    assert first.stop() == 0
    second = start(tmp_path, db=db, extra=())
    try:
        page.goto(url.replace(str(first.port), str(second.port)))
        page.get_by_text("重启学员").wait_for(timeout=T)
    finally:
        second.stop()
        store.dispose()


def test_a_stalled_kernel_notice_goes_when_it_answers_again(
        server: Server, context: tuple[Any, Any]) -> None:
    """A kernel that stops answering for longer than the watchdog allows (a busy machine) gets
    the notice; once it answers again the notice goes by itself and the page works on."""
    ctx, _ = context
    store = Store(server.db)
    ws, _ = workshops.create(store, "卡顿", (3,))
    page = trainee_page(ctx, server.urls["学员"])
    kernel = kernels(server)[page.evaluate(KERNEL_ID)]
    kernel.send_signal(signal.SIGSTOP)
    try:
        page.get_by_text("与服务器的连接已中断").wait_for(timeout=T)
    finally:
        kernel.send_signal(signal.SIGCONT)
    page.locator("#kit-offline").wait_for(state="detached", timeout=T)
    join(page, ws.code, "卡顿学员")
    page.get_by_text("请稍候").wait_for(timeout=T)
    store.dispose()
