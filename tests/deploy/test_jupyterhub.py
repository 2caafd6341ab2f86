"""JupyterHub in front of the kit, with deploy/jupyterhub/jupyterhub_config.py as shipped.

configurable-http-proxy, SimpleLocalProcessSpawner and the shared-password authenticator on
127.0.0.1. Three trainees log in with the password (one in Chromium, two over HTTP) and land on
the trainee app, joined under their hub names; the instructor (in the hub's instructors' group)
opens the console on their own server with the code alone and runs a classification round.
"""

from __future__ import annotations

import http.cookiejar
import os
import random
import shutil
import signal
import subprocess
import sys
import time
import urllib.parse
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psutil
import pytest

from kit.content.cache import load_cached
from kit.logic.questions import for_activity
from kit.logic.simulate import answer, personas
from kit.settings import REPO_ROOT, get_settings
from kit.store import Store, participants, work, workshops
from tests.browser.test_live_room import T, row
from tests.conftest import require
from tests.deploy.conftest import record
from tests.serverproc import free_port

pytestmark = [pytest.mark.deploy, pytest.mark.postgres, pytest.mark.browser,
              pytest.mark.slow]
CONFIG = REPO_ROOT / "deploy" / "jupyterhub" / "jupyterhub_config.py"
PASSWORD = "xiaobao-2026"
INSTRUCTOR_PASSWORD = "jiangshi-2026-" + "k" * 20  # the hub's admin password: 32+ characters
ACTIVITY, TITLE = "m3-daily-problems", "日常八大投诉问题拆解"
LANDING = "/voila/render/exercises/trainee.ipynb"


class Hub:
    def __init__(self, proc: subprocess.Popen[bytes], port: int, log: Path) -> None:
        self.proc, self.port, self.log = proc, port, log

    @property
    def front(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def servers(self) -> dict[str, list[psutil.Process]]:
        """Hub user → their single-user server and its kernels."""
        found: dict[str, list[psutil.Process]] = {}
        for child in psutil.Process(self.proc.pid).children(recursive=True):
            try:
                if "jupyterhub-singleuser" in " ".join(child.cmdline()):
                    user = child.environ().get("JUPYTERHUB_USER", "")
                    found[user] = [child, *child.children(recursive=True)]
            except psutil.Error:
                continue
        return found


@pytest.fixture(scope="module")
def room(fresh_db: str) -> Iterator[tuple[str, str]]:
    store = Store(fresh_db)
    ws, key = workshops.create(store, "集中培训(JupyterHub)", (3,))
    store.dispose()
    yield ws.code, key


@pytest.fixture(scope="module")
def hub(fresh_db: str, room: tuple[str, str],
        tmp_path_factory: pytest.TempPathFactory) -> Iterator[Hub]:
    if shutil.which("configurable-http-proxy") is None:
        require("KIT_REQUIRE_PG", "configurable-http-proxy is not installed "
                "(Debian: node-configurable-http-proxy)")
    state = tmp_path_factory.mktemp("hub")
    port, api, proxy_api = free_port(), free_port(), free_port()
    env = {**os.environ, "KIT_HUB_PASSWORD": PASSWORD, "KIT_DB_URL": fresh_db,
           "KIT_WORKSHOP_CODE": room[0], "KIT_HUB_PORT": str(port),
           "KIT_HUB_API_PORT": str(api), "KIT_HUB_PROXY_API_PORT": str(proxy_api),
           "KIT_HUB_STATE": str(state), "KIT_HUB_INSTRUCTOR_USERS": "讲师",
           "KIT_HUB_INSTRUCTOR_PASSWORD": INSTRUCTOR_PASSWORD,
           "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    log = state / "hub.log"
    proc = subprocess.Popen([str(Path(sys.executable).parent / "jupyterhub"), "-f", str(CONFIG)],
                            cwd=state, env=env, stdout=log.open("wb"), stderr=subprocess.STDOUT,
                            start_new_session=True)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and proc.poll() is None:
        if "JupyterHub is now running" in log.read_text("utf-8", errors="replace"):
            break
        time.sleep(0.3)
    else:
        os.killpg(proc.pid, signal.SIGKILL)
        pytest.fail("JupyterHub did not start:\n" + log.read_text("utf-8", errors="replace"))
    yield Hub(proc, port, log)
    os.killpg(proc.pid, signal.SIGTERM)  # the hub stops the servers it spawned
    try:
        proc.wait(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


def http_login(hub: Hub, user: str) -> str:
    """Log in with the shared password over plain HTTP; the address the user lands on."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    opener.open(f"{hub.front}/hub/login", timeout=30).read()
    xsrf = next(c.value for c in jar if c.name == "_xsrf")
    form = urllib.parse.urlencode({"username": user, "password": PASSWORD, "_xsrf": xsrf})
    opener.open(f"{hub.front}/hub/login?_xsrf={xsrf}", data=form.encode(), timeout=120).read()
    home = f"{hub.front}/user/{urllib.parse.quote(user)}/"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:  # the spawn-pending page, until the server is up
        with opener.open(home, timeout=120) as resp:
            resp.read()
            if LANDING in resp.url:
                return str(resp.url)
        time.sleep(1)
    raise AssertionError(f"{user} never reached the trainee app")


def test_three_hub_users_land_joined_and_a_round_goes_through(
        hub: Hub, room: tuple[str, str], fresh_db: str, browser: Any) -> None:
    code, _ = room
    store = Store(fresh_db)
    ws = workshops.by_code(store, code)
    assert ws is not None
    from tests.browser.conftest import Outside

    ctx = browser.new_context(locale="zh-CN")
    outside = Outside()
    ctx.route("**/*", outside.route)
    start = time.perf_counter()
    page = ctx.new_page()
    page.goto(f"{hub.front}/hub/login")
    page.locator("#username_input").fill("王小明")
    page.locator("#password_input").fill(PASSWORD)
    page.locator("#login_submit").click()
    page.get_by_text("请稍候").first.wait_for(timeout=120_000)
    assert LANDING in page.url and "/user/" in page.url
    assert page.get_by_text("王小明").count() > 0  # joined under the hub name, nothing typed
    landed = [http_login(hub, name) for name in ("李小红", "zhao.si")]
    record("jupyterhub_three_logins_seconds", round(time.perf_counter() - start, 1))
    assert all(LANDING in u for u in landed)

    deadline = time.monotonic() + 60  # the HTTP users' pages joined when Voilà rendered them
    while len(participants.roster(store, ws.id)) < 3 and time.monotonic() < deadline:
        time.sleep(0.5)
    roster = participants.roster(store, ws.id)
    assert sorted(p.name for p in roster) == sorted(["王小明", "李小红", "zhao.si"])

    # the instructor: a hub user in the instructors' group, the code alone opens the console
    own = browser.new_context(locale="zh-CN")  # the instructor's own browser
    own.route("**/*", outside.route)
    console = own.new_page()
    target = f"/user/{urllib.parse.quote('讲师')}/voila/render/workshops/console.ipynb?code={code}"
    console.goto(f"{hub.front}/hub/login?next={urllib.parse.quote(target)}")
    console.locator("#username_input").fill("讲师")
    console.locator("#password_input").fill(INSTRUCTOR_PASSWORD)
    console.locator("#login_submit").click()
    console.get_by_text("选择下方的活动开始").wait_for(timeout=120_000)
    console.get_by_text("共 3 人").first.wait_for(timeout=T)  # the room, as the console shows it
    for name in ("王小明", "李小红", "zhao.si"):
        console.locator("td", has_text=name).first.wait_for(timeout=T)

    row(console, TITLE).get_by_role("button", name="开放作答").click()
    card = page.locator(".kit-question").first
    card.wait_for(timeout=T)
    card.locator(".widget-toggle-button", has_text="等待时间长").first.click()
    card.get_by_role("button", name="提交").first.click()
    page.get_by_text("已提交(第 1 版)").first.wait_for(timeout=T)
    course = load_cached(get_settings().data_dir, get_settings().var_dir / "cache")
    first = for_activity(course, ACTIVITY)[0]
    rnd = random.Random(5)
    for who, persona in zip(roster, personas(3, 5), strict=True):
        if who.name != "王小明":  # the two HTTP trainees answer through the store
            work.submit(store, ws.id, who.id, ACTIVITY, first.id,
                        {"answer": answer(first, persona, rnd)}, uuid.uuid4().hex)
    row(console, TITLE).get_by_role("button", name="结束作答").click()
    page.get_by_text("本活动已关闭").first.wait_for(timeout=T)
    row(console, TITLE).get_by_role("button", name="公布答案").click()
    page.get_by_text("参考答案").first.wait_for(timeout=T)
    results = work.latest(store, ws.id, ACTIVITY)
    assert sorted({r.participant_id for r in results}) == sorted(p.id for p in roster)
    assert logged_problems(store) == []

    # the instructor's name with the trainees' password: refused by the hub
    other = browser.new_context(locale="zh-CN")
    other.route("**/*", outside.route)
    fake = other.new_page()
    fake.goto(f"{hub.front}/hub/login?next={urllib.parse.quote(target)}")
    fake.locator("#username_input").fill("讲师")
    fake.locator("#password_input").fill(PASSWORD)
    fake.locator("#login_submit").click()
    fake.get_by_text("Invalid username or password").wait_for(timeout=T)
    assert "/hub/login" in fake.url
    other.close()
    assert outside.urls == []
    _memory(hub)
    own.close()
    ctx.close()
    store.dispose()


def _memory(hub: Hub) -> None:
    """PSS of each trainee's single-user server with its kernel (reported, not asserted)."""
    from benchmarks.memory import of

    per_user = {}
    for user, procs in hub.servers().items():
        per_user[user] = round(sum(m.pss for m in (of(p.pid) for p in procs) if m), 1)
    trainees = [v for u, v in per_user.items() if u != "讲师"]
    record("jupyterhub_memory_per_trainee_mb",
           {"per_user_pss_mb": per_user,
            "mean_trainee_mb": round(sum(trainees) / max(1, len(trainees)), 1)})


def logged_problems(store: Store) -> list[str]:
    """What the kit logged as errors from any page (the console's 问题 panel)."""
    from sqlalchemy import select

    from kit.store.schema import events

    rows = store.read(lambda c: c.execute(select(events)).all())
    return [f"{e.role}: {e.message}\n{e.detail[-800:]}" for e in rows]
