"""Every command the README documents is run here, as a person would run it."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from kit.settings import REPO_ROOT
from kit.store import Store, participants, work, workshops
from tests.serverproc import free_port, start

README = (REPO_ROOT / "README.md").read_text("utf-8")
EXERCISED = {"make serve", "make test", "make validate", "make lint", "make bench",
             "make bench-quick", "python -m kit demo", "python -m kit serve",
             "python -m kit export", "python -m kit validate", "python -m kit content",
             "jupyter lab"}


def test_readme_opens_with_the_two_commands() -> None:
    first_block = README.split("```")[1]
    lines = [ln.split("#")[0].strip() for ln in first_block.splitlines()[1:] if ln.strip()]
    assert lines == ["make serve", "make test"]


def test_every_documented_command_is_known_here() -> None:
    pattern = r"`(?:\.venv/bin/)?((?:make|python -m kit|jupyter) [a-z-]+)"
    found = set(re.findall(pattern, README))
    unknown = {c.strip() for c in found} - EXERCISED
    assert not unknown, f"README documents commands no test exercises: {unknown}"


def test_make_serve_prints_urls_serves_and_stops_on_ctrl_c(tmp_path: Path) -> None:
    server = start(tmp_path, command=["make", "serve"])
    try:
        assert set(server.urls) == {"学员", "讲师", "课程地图"}
        with urllib.request.urlopen(server.urls["学员"], timeout=60) as resp:
            assert resp.status == 200
    finally:
        code = server.stop()
    log = server.log.read_text("utf-8")
    assert "校验通过" in log and "存储 / Store" in log and "已停止" in log
    assert code in (0, -2, 2), log  # make itself reports a Ctrl-C as interrupted (-2 / 2)


def test_kit_serve_stops_cleanly_on_ctrl_c(tmp_path: Path) -> None:
    server = start(tmp_path)
    assert server.stop() == 0
    assert "已停止" in server.log.read_text("utf-8")


def make(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["make", *args], cwd=REPO_ROOT, capture_output=True, text=True,
                          timeout=600)


def test_make_validate() -> None:
    proc = make("validate")
    assert proc.returncode == 0 and "校验通过" in proc.stdout, proc.stdout + proc.stderr


@pytest.mark.slow
def test_make_lint() -> None:
    proc = make("lint")
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]


def test_kit_demo_fills_a_workshop(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'demo.sqlite3'}"
    proc = subprocess.run([sys.executable, "-m", "kit", "demo", "--trainees", "12", "--db", db],
                          cwd=REPO_ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    found = re.search(r"参与码 (\w+),讲师密钥 ([\w-]+)", proc.stdout)
    assert found, proc.stdout
    code, key = found.groups()
    store = Store(db)
    ws = workshops.open_as_instructor(store, code, key)
    assert len(participants.roster(store, ws.id)) == 12
    answers = [s.payload["answer"] for s in work.latest(store, ws.id, "m3-daily-problems")]
    assert 8 <= len(answers) // 8 <= 12
    assert len({str(a) for a in answers}) > 5  # varied, not all the same
    store.dispose()
    out = tmp_path / "成绩.xlsx"
    cmd = [sys.executable, "-m", "kit", "export", code, "--key", key, "--format", "xlsx",
           "--out", str(out), "--db", db]
    done = subprocess.run(cmd, cwd=REPO_ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0 and out.exists() and "已导出" in done.stdout, done.stderr
    cmd[cmd.index("--key") + 1] = "WRONG"
    refused = subprocess.run(cmd, cwd=REPO_ROOT, capture_output=True, text=True, timeout=300)
    assert refused.returncode == 1 and "讲师密钥不正确" in refused.stdout


def test_jupyter_lab_starts_for_designers(tmp_path: Path) -> None:
    port = free_port()
    log = tmp_path / "lab.log"
    proc = subprocess.Popen(
        [str(Path(sys.executable).with_name("jupyter")), "lab", "--no-browser", f"--port={port}",
         "--ServerApp.token=", "--ServerApp.password=", f"--ServerApp.root_dir={REPO_ROOT}",
         "--allow-root"], cwd=REPO_ROOT, stdout=log.open("w"), stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/lab", timeout=5) as resp:
                    assert resp.status == 200
                    break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail(log.read_text("utf-8"))
    finally:
        proc.terminate()
        proc.wait(timeout=30)


@pytest.mark.slow
@pytest.mark.parametrize("target", ["bench", "bench-quick"])
def test_make_bench_runs_the_harness(target: str, tmp_path: Path) -> None:
    """The harness itself, at smoke size (the figures come from `make bench`, not tests)."""
    proc = make(target, f"BENCH_ARGS=--smoke --out {tmp_path}")
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    table = (tmp_path / "benchmarks.md").read_text("utf-8")
    assert "ratio" in table and "bare median" in table
    assert (tmp_path / "benchmarks.json").exists()


def test_lan_serving_tells_the_instructor_which_address_to_share() -> None:
    from kit.serve import ServeOptions, _lan_hint, voila_args

    assert _lan_hint(ServeOptions()) == ""
    assert "局域网" in _lan_hint(ServeOptions(host="0.0.0.0"))
    args = voila_args(ServeOptions(host="0.0.0.0", class_size=40))
    assert "--Voila.ip=0.0.0.0" in args and "--pool_size=40" in args
    assert "--show_tracebacks=False" in args and "--KernelManager.transport=ipc" in args


def test_kit_content_workbook_round_trip_and_bank_import(tmp_path: Path) -> None:
    """As a designer would: export, edit in the spreadsheet, dry run, import; then a bank."""
    from openpyxl import load_workbook

    data = tmp_path / "data"
    shutil.copytree(REPO_ROOT / "data", data)
    env = {**os.environ, "KIT_DATA_DIR": str(data)}

    def content(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "kit", "content", *args], cwd=tmp_path,
                              env=env, capture_output=True, text=True, timeout=300)

    done = content("export", "--xlsx", "内容.xlsx")
    assert done.returncode == 0 and "已导出" in done.stdout, done.stdout + done.stderr
    wb = load_workbook(tmp_path / "内容.xlsx")
    title = next(c for c in wb["案例"][1] if c.value == "标题").column_letter
    wb["案例"][f"{title}2"] = "设计人员在表格里改的标题"
    wb.save(tmp_path / "内容.xlsx")
    before = {p: p.read_bytes() for p in data.rglob("*.yaml")}
    dry = content("import", "--xlsx", "内容.xlsx", "--dry-run")
    assert dry.returncode == 0 and "--dry-run" in dry.stdout, dry.stdout + dry.stderr
    assert {p: p.read_bytes() for p in data.rglob("*.yaml")} == before
    real = content("import", "--xlsx", "内容.xlsx")
    assert real.returncode == 0 and "已写入 1 个文件" in real.stdout, real.stdout + real.stderr
    assert sum(p.read_bytes() != b for p, b in before.items()) == 1
    gift = REPO_ROOT / "tests" / "fixtures" / "banks" / "complaints.gift"
    bank = content("import-bank", str(gift), "--format", "gift", "--module", "3",
                   "--out", "data/quizzes/bank_m3.yaml")
    assert bank.returncode == 0 and "草稿题" in bank.stdout, bank.stdout + bank.stderr
    checked = subprocess.run([sys.executable, "-m", "kit", "validate", "--no-schemas"],
                             cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert checked.returncode == 0 and "草稿题" in checked.stdout, checked.stdout
