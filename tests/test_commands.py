"""Every command the README documents is run here, as a person would run it."""

from __future__ import annotations

import json
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
             "python -m kit check-copy", "jupyter lab", "python -m kit records",
             "python -m kit verify", "python -m kit analyse", "python -m kit scenario",
             "python -m kit fleet"}  # kit fleet: tests/deploy/test_multi_voila.py


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


def test_kit_serve_started_in_the_background_still_stops_on_ctrl_c(tmp_path: Path) -> None:
    """A shell starts a background job with Ctrl-C ignored (`make serve &`, a CI script): kit
    serve still stops on it, as its output promises."""
    server = start(tmp_path, ignoring_ctrl_c=True)
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
def test_make_bench_runs_the_harness(tmp_path: Path) -> None:
    """The harness itself, at smoke size (the figures come from `make bench`, not tests)."""
    proc = make("bench", f"BENCH_ARGS=--smoke --out {tmp_path}")
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    table = (tmp_path / "benchmarks.md").read_text("utf-8")
    assert "ratio" in table and "bare median" in table
    assert (tmp_path / "benchmarks.json").exists()


def test_make_bench_quick_is_the_same_harness_in_quick_mode() -> None:
    """`make bench-quick` runs what `make bench` runs with ``--quick`` (the smoke run above
    exercises the harness once; a second smoke run through the other target would repeat it)."""
    proc = make("-n", "bench-quick", "BENCH_ARGS=--smoke")
    assert proc.returncode == 0, proc.stderr
    assert "-m benchmarks.run --quick --smoke" in proc.stdout


def test_lan_serving_tells_the_instructor_which_address_to_share() -> None:
    from kit.serve import ServeOptions, _lan_hint, voila_args

    assert _lan_hint(ServeOptions()) == ""
    assert "局域网" in _lan_hint(ServeOptions(host="0.0.0.0"))
    args = voila_args(ServeOptions(host="0.0.0.0", class_size=40))
    assert "--Voila.ip=0.0.0.0" in args and "--pool_size=40" in args
    assert "--show_tracebacks=False" in args and "--KernelManager.transport=ipc" in args


def kit(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kit", *args], cwd=REPO_ROOT, env=env,
                          capture_output=True, text=True, timeout=300)


def test_kit_records_joins_three_sessions_by_staff_id(tmp_path: Path) -> None:
    """See tests/reports/threesessions.py for who did what, when."""
    import csv

    from kit.content import load_course
    from tests.reports.threesessions import build

    db = f"sqlite:///{tmp_path / 'kit.sqlite3'}"
    store = Store(db)
    sessions = build(load_course(REPO_ROOT / "data"), store)
    store.dispose()
    _, code, key = sessions["W1"]
    issued = kit("export", code, "--key", key, "--format", "certificates", "--out",
                 str(tmp_path / "证书.html"), "--db", db)
    assert issued.returncode == 0, issued.stdout + issued.stderr
    cert = re.search(r"验证码 ([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})",
                     (tmp_path / "证书.html").read_text("utf-8"))
    assert cert, "张伟 passed module 1 with every quiz right"
    out = tmp_path / "记录.csv"
    done = kit("records", "--since", "2026-01-01", "--until", "2026-12-31", "--format", "csv",
               "--out", str(out), "--db", db)
    assert done.returncode == 0 and "3 场工作坊" in done.stdout, done.stdout + done.stderr
    with out.open(encoding="utf-8-sig") as fh:
        rows = [(r["staff_id"], r["module"], r["sessions"], r["best_score"], r["last_score"],
                 r["completion"], r["certificate"]) for r in csv.DictReader(fh)]
    assert rows == [("A1023", "1", "2", "1.0", "0.25", "1.0", cert.group(1)),
                    ("A1023", "6", "1", "0.0", "0.0", "0.0", ""),
                    ("B2001", "1", "1", "0.0", "0.0", "0.0", ""),
                    ("B2001", "6", "1", "0.0", "0.0", "0.5", ""),
                    ("C3003", "1", "1", "0.25", "0.25", "0.25", "")]
    with out.with_name("记录-unmatched.csv").open(encoding="utf-8-sig") as fh:
        apart = [(r["name"], r["module"], r["score"]) for r in csv.DictReader(fh)]
    assert apart == [("王芳", "1", "0.25")]
    book = tmp_path / "记录.xlsx"
    assert kit("records", "--since", "2026-01-01", "--out", str(book), "--db", db).returncode == 0
    import openpyxl

    assert openpyxl.load_workbook(book).sheetnames == ["records", "unmatched"]
    bad = kit("records", "--since", "2026-13-01", "--db", db)
    assert bad.returncode == 1 and "日期格式应为 YYYY-MM-DD" in bad.stdout


def test_kit_verify_tells_genuine_from_forged(tmp_path: Path) -> None:
    from kit.store import certificates
    from kit.store.certificates import Details

    db = f"sqlite:///{tmp_path / 'kit.sqlite3'}"
    store = Store(db)
    ws, _ = workshops.create(store, "支行培训", (1,))
    p, _ = participants.join(store, ws.id, "张伟", staff_id="A1023")
    cert = certificates.issue(store, ws.id, p.id, Details(
        ws.code, "张伟", "A1023", 1, "金融消费者权益保护政策解读", "2026-03-01", "良好"))
    store.dispose()
    genuine = kit("verify", certificates.shown(cert.code).lower(), "--db", db)
    assert genuine.returncode == 0 and "✓ 真实证书" in genuine.stdout, genuine.stderr
    assert "张伟" in genuine.stdout and "良好" in genuine.stdout
    forged = kit("verify", "ACDE-FGHJ-KMNP", "--db", db)
    assert forged.returncode == 1 and "不是真实证书" in forged.stdout


def test_kit_analyse_finds_a_planted_wrong_key(tmp_path: Path) -> None:
    """40 simulated trainees answer module 1 under the true keys; the designer's copy of the
    content marks q1-001 (true key C) as A. The analysis must put q1-001 first."""
    from kit.content import load_course
    from kit.demo import run_demo

    db = f"sqlite:///{tmp_path / 'kit.sqlite3'}"
    store = Store(db)
    run_demo(load_course(REPO_ROOT / "data"), store, 40, (1,))
    store.dispose()
    data = tmp_path / "data"
    shutil.copytree(REPO_ROOT / "data", data)
    quiz = data / "quizzes" / "m1_policy.yaml"
    text = quiz.read_text("utf-8")
    head, tail = text.split("  - id: q1-001\n", 1)
    quiz.write_text(head + "  - id: q1-001\n" + tail.replace("answer: [C]", "answer: [A]", 1),
                    "utf-8")
    env = {**os.environ, "KIT_DATA_DIR": str(data), "KIT_VAR_DIR": str(tmp_path / "var")}
    out = tmp_path / "分析.csv"
    done = kit("analyse", "--format", "csv", "--out", str(out), "--db", db, env=env)
    assert done.returncode == 0, done.stdout + done.stderr
    first = done.stdout.split("需要复查:\n")[1].splitlines()[0]
    assert "q1-001" in first and "答案可能标错" in first, done.stdout
    assert out.exists() and out.with_name("分析-review.csv").exists()
    honest = kit("analyse", "--db", db)
    assert honest.returncode == 0 and "答案可能标错" not in honest.stdout, honest.stdout
def test_kit_scenario_exports_to_twee_and_imports_back(tmp_path: Path) -> None:
    src = REPO_ROOT / "data" / "scenarios" / "card-fraud-dispute.yaml"
    twee, back = tmp_path / "盗刷.twee", tmp_path / "scenarios" / "card-fraud-dispute.yaml"
    run = [sys.executable, "-m", "kit", "scenario"]
    out = subprocess.run([*run, "export-twee", str(src), "--out", str(twee)], cwd=REPO_ROOT,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0 and "已导出" in out.stdout, out.stderr
    assert twee.read_text("utf-8").startswith(":: StoryTitle\n卡在身边")
    done = subprocess.run([*run, "import-twee", str(twee), "--out", str(back)], cwd=REPO_ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and "已导入" in done.stdout and "9 个节点" in done.stdout
    again = subprocess.run([*run, "import-twee", str(twee), "--out", str(back)], cwd=REPO_ROOT,
                           capture_output=True, text=True, timeout=120)
    assert again.returncode == 1 and "--force" in again.stdout


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
def check_copy(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kit", "check-copy", *args], cwd=REPO_ROOT,
                          capture_output=True, text=True, timeout=120)


def test_check_copy_prints_codes_per_sample_and_a_chinese_report(tmp_path: Path) -> None:
    path = tmp_path / "文案.yaml"
    path.write_text("samples:\n"
                    "  - {id: a, text: 本理财保本保息，稳赚不赔。"
                    "理财非存款，产品有风险，投资须谨慎。}\n"
                    "  - {id: 2, text: 三年期定期存款年利率1.95%，以网点公告为准。}\n", "utf-8")
    done = check_copy("--in", str(path), "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"a": ["M1"], "2": []}
    report = check_copy("--in", str(path))
    assert report.returncode == 0 and "【a】发现 1 类问题：M1" in report.stdout
    assert "【2】未发现问题" in report.stdout and "建议：" in report.stdout


@pytest.mark.parametrize(("content", "message"), [
    (None, "找不到文件"),
    ("samples: [", "YAML 语法错误"),
    ("items: []", "格式应为 samples"),
    ("samples: [{id: a}]", "缺少 text"),
    ("samples: [{text: 保本}]", "缺少 id"),
    ("samples: [{id: a, text: x}, {id: a, text: y}]", "id 重复"),
])
def test_check_copy_refuses_bad_input_in_chinese(tmp_path: Path, content: str | None,
                                                 message: str) -> None:
    path = tmp_path / "in.yaml"
    if content is not None:
        path.write_text(content, "utf-8")
    done = check_copy("--in", str(path), "--json")
    assert done.returncode == 2 and message in done.stderr and done.stdout == ""
