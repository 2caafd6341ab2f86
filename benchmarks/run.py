"""``make bench`` / ``make bench-quick``: figures as ratios against bare Voilà, same run.

Writes ``docs/benchmarks.json`` and the table in ``docs/benchmarks.md``.
"""

from __future__ import annotations

import argparse
import json
import platform
import tempfile
import time
from importlib.metadata import version
from pathlib import Path
from typing import Any

from benchmarks import measure, servers, store_load
from kit.settings import REPO_ROOT

DOCS = REPO_ROOT / "docs"


def serving(runs: int, burst_n: int, bursts: int, tmp: Path) -> dict[str, Any]:
    out: dict[str, Any] = {}
    db = f"sqlite:///{tmp / 'bench.sqlite3'}"
    for mode, preheat in (("cold", 0), ("preheated", burst_n)):
        bare, kit = servers.bare(preheat), servers.kit(db, preheat)
        try:
            if preheat:
                time.sleep(8 + preheat)  # let both pools warm up
            for name, srv in (("bare", bare), ("kit", kit)):
                out[f"render_{mode}_{name}"] = measure.repeat(
                    f"render {mode} {name}", "s", runs,
                    lambda s=srv, p=preheat: _refilled(p, 2.0) + measure.render(s.url))
                if mode == "cold":
                    out[f"rss_{name}"] = measure.repeat(
                        f"kernel RSS {name}", "MB", runs, lambda s=srv: measure.kernel_rss(s))
                results = [(_refilled(preheat, 8 + preheat), measure.burst(srv, burst_n))[1]
                           for _ in range(bursts)]
                out[f"burst_{mode}_{name}"] = measure.Figure(
                    f"burst {burst_n} {mode} {name}", "s", tuple(r[0] for r in results))
                out[f"burst_{mode}_{name}_failures"] = sum(r[1] for r in results)
                measure.shutdown_all(srv)
        finally:
            bare.stop()
            kit.stop()
    return out


def _refilled(preheat: int, seconds: float) -> float:
    """With a pool, give it time to refill before measuring (not counted); returns 0."""
    if preheat:
        time.sleep(seconds)
    return 0.0


def aggregates(tmp: Path, trainees: int) -> measure.Figure:
    from kit.content import load_course
    from kit.demo import run_demo
    from kit.live.console import Console
    from kit.settings import get_settings
    from kit.store import Store
    from kit.widgets.bridge import PageBridge

    course, store = load_course(get_settings().data_dir), Store(f"sqlite:///{tmp / 'agg.sqlite3'}")
    demo = run_demo(course, store, trainees, (1, 2, 3))
    con = Console(course, store, PageBridge(), autostart=False)
    con.bridge.query = f"code={demo.code}&key={demo.key}"
    con.show("m3-case-analysis")

    def once() -> float:
        t = time.perf_counter()
        con.refresh()
        return time.perf_counter() - t

    return measure.repeat(f"console refresh, {trainees} trainees", "s", 5, once)


def validate_time() -> measure.Figure:
    from kit.content import check
    from kit.settings import get_settings

    def once() -> float:
        t = time.perf_counter()
        check(get_settings().data_dir)
        return time.perf_counter() - t

    return measure.repeat("kit validate (full content)", "s", 5, once)


def ratio(a: measure.Figure, b: measure.Figure) -> float:
    return a.median / b.median


def table(results: dict[str, Any], meta: dict[str, Any]) -> str:
    f = results
    rows = [
        ("页面渲染(冷启动)/ render, cold", f["render_cold_kit"], f["render_cold_bare"], "≤ 1.3×"),
        ("页面渲染(预热)/ render, preheated", f["render_preheated_kit"],
         f["render_preheated_bare"], "≤ 1.3×"),
        ("内核内存 / kernel RSS", f["rss_kit"], f["rss_bare"], "≤ 1.25×"),
        (f"同时加入 {meta['burst']} 人(冷)/ join burst, cold", f["burst_cold_kit"],
         f["burst_cold_bare"], "≤ 1.0×"),
        (f"同时加入 {meta['burst']} 人(预热)/ join burst, pool", f["burst_preheated_kit"],
         f["burst_cold_bare"], "≤ 0.3× bare cold"),
    ]
    lines = ["| 指标 / figure | kit median (min–max) | bare median | ratio | goal |",
             "|---|---|---|---|---|"]
    for name, kit, bare, goal in rows:
        lines.append(f"| {name} | {_fmt(kit)} | {bare.median:.2f} {bare.unit} | "
                     f"{ratio(kit, bare):.2f}× | {goal} |")
    lines.append("")
    lines.append(f"- 加入失败 / burst failures: kit cold {f['burst_cold_kit_failures']}, "
                 f"kit pool {f['burst_preheated_kit_failures']}, bare cold "
                 f"{f['burst_cold_bare_failures']}, bare pool {f['burst_preheated_bare_failures']}"
                 f"(共 {meta['bursts']} 轮 / bursts each)")
    for engine, s in f["store"].items():
        lines.append(f"- 存储 {engine}:{meta['store_trainees']} 名模拟学员 × {meta['store_items']} "
                     f"题,{meta['procs']} 个进程;丢失 {s['lost']},错误 {s['errors']},"
                     f"写入 p50 {s['p50_ms']:.1f} ms,p99 {s['p99_ms']:.1f} ms"
                     "(目标:0 丢失,p99 ≤ 50 ms)")
    lines.append(f"- 讲师控制台刷新 / console refresh ({meta['agg_trainees']} 人 × 9 个活动):"
                 f"{_fmt(f['aggregates'])}(目标 ≤ 0.1 s)")
    lines.append(f"- `kit validate` 全部内容:{_fmt(f['validate'])}(目标 ≤ 2 s)")
    return "\n".join(lines)


def _fmt(fig: measure.Figure) -> str:
    return f"{fig.median:.3f} {fig.unit} ({min(fig.values):.3f}–{max(fig.values):.3f})"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="under 3 minutes")
    parser.add_argument("--pg", help="also load-test this PostgreSQL URL")
    parser.add_argument("--smoke", action="store_true",
                        help="tiny sizes to prove the harness runs (tests); not for figures")
    parser.add_argument("--out", type=Path, default=DOCS, help="where to write the results")
    args = parser.parse_args()
    quick = args.quick or args.smoke
    meta = {"mode": "smoke" if args.smoke else ("quick" if quick else "full"),
            "burst": 3 if args.smoke else (10 if quick else 30),
            "bursts": 1 if args.smoke else (2 if quick else 20),
            "runs": 2 if args.smoke else 5,
            "store_trainees": 8 if args.smoke else (50 if quick else 200),
            "store_items": 3 if args.smoke else (10 if quick else 30), "procs": 8,
            "agg_trainees": 20 if args.smoke else 200, "date": time.strftime("%Y-%m-%d %H:%M"),
            "machine": f"{platform.machine()} {psutil_cpus()} cores, {platform.system()}",
            "python": platform.python_version(),
            "versions": {p: version(p) for p in ("voila", "ipywidgets", "SQLAlchemy")}}
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        results = serving(meta["runs"], meta["burst"], meta["bursts"], tmp)
        urls = {"sqlite": f"sqlite:///{tmp / 'load.sqlite3'}"} | ({"postgresql": args.pg}
                                                                 if args.pg else {})
        results["store"] = {k: store_load.run(u, meta["store_trainees"], meta["procs"],
                                              meta["store_items"]) for k, u in urls.items()}
        results["aggregates"] = aggregates(tmp, meta["agg_trainees"])
        results["validate"] = validate_time()
    write(results, meta, args.out)


def psutil_cpus() -> int:
    import psutil

    return int(psutil.cpu_count() or 0)


def write(results: dict[str, Any], meta: dict[str, Any], out: Path) -> None:
    data = {k: (v.summary() if isinstance(v, measure.Figure) else v) for k, v in results.items()}
    out.mkdir(parents=True, exist_ok=True)
    (out / "benchmarks.json").write_text(json.dumps({"meta": meta, "results": data},
                                                    ensure_ascii=False, indent=2) + "\n")
    doc = out / "benchmarks.md"
    head = doc.read_text("utf-8").split("<!-- results -->")[0] if doc.exists() else HEADER
    body = (f"<!-- results -->\n最近一次运行 / latest run: {meta['date']},{meta['mode']},"
            f"{meta['machine']},Python {meta['python']},"
            + ",".join(f"{k} {v}" for k, v in meta["versions"].items()) + "\n\n"
            + table(results, meta) + "\n")
    doc.write_text(head + body, encoding="utf-8")
    print(body)


HEADER = """# 性能基准 / Benchmarks

`make bench`(完整)与 `make bench-quick`(3 分钟内)在同一次运行中分别测量裸 Voilà
(一个 hello-widget 笔记本)与本套件,每项取至少 5 次的中位数,并以比值比较。

"""

if __name__ == "__main__":
    main()
