"""``make bench`` / ``make bench-quick``: figures as ratios against bare Voilà, same run.

Writes ``docs/benchmarks.json`` and the table in ``docs/benchmarks.md``.
"""

from __future__ import annotations

import argparse
import platform
import tempfile
import time
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path
from typing import Any

from benchmarks import browser, classroom, measure, memory, servers, store_load
from benchmarks.report import psutil_cpus, write
from kit.settings import REPO_ROOT

DOCS = REPO_ROOT / "docs"


def serving(runs: int, burst_n: int, bursts: int, tmp: Path, full: bool) -> dict[str, Any]:
    """Render, memory after render and join bursts: bare Voilà, then the kit, one at a time."""
    out: dict[str, Any] = {}
    db = f"sqlite:///{tmp / 'bench.sqlite3'}"
    modes = (("cold", 0), ("preheated", burst_n))
    for mode, preheat in modes if full else modes[:1]:
        starts = {"bare": lambda p=preheat: servers.bare(p),
                  "kit": lambda p=preheat: servers.kit(db, p)}
        for name, start in starts.items():
            with measure.phase(f"serving: {mode} {name}"):
                out.update(_serve(name, mode, start, preheat, (runs, burst_n, bursts)))
    return out


def _serve(name: str, mode: str, start: Callable[[], servers.Running], preheat: int,
           sizes: tuple[int, int, int]) -> dict[str, Any]:
    runs, burst_n, bursts = sizes
    out: dict[str, Any] = {}
    srv = start()
    try:
        _refilled(preheat, 8 + preheat)  # let the pool warm up
        first = srv
        out[f"render_{mode}_{name}"] = measure.repeat(
            f"render {mode} {name}", "s", runs,
            lambda: _refilled(preheat, 2.0) + measure.render(first))
        if mode == "cold":  # the kernels of the renders above, still running
            time.sleep(1.0)
            out.update(_memory_figures(f"{name}", "after render", memory.of_all(srv.kernels())))
        measure.cleanup(srv)
        results = []
        for _ in range(min(bursts, 5) if preheat else bursts):  # a pool refill takes ~40 s
            _refilled(preheat, 8 + preheat)
            results.append(measure.burst(srv, burst_n))
            if results[-1][1]:  # pages were lost: the next burst starts on a fresh server
                srv.stop()
                srv = start()
        out[f"burst_{mode}_{name}"] = measure.Figure(
            f"burst {burst_n} {mode} {name}", "s", tuple(r[0] for r in results))
        out[f"burst_{mode}_{name}_failures"] = sum(r[1] for r in results)
    finally:
        srv.stop()
    return out


def _memory_figures(name: str, when: str, mem: list[memory.Memory],
                    key: str = "") -> dict[str, measure.Figure]:
    key = key or name
    return {f"{kind}_{key}": measure.Figure(f"kernel {kind.upper()} {name}, {when}", "MB",
                                            tuple(getattr(m, kind) for m in mem))
            for kind in ("rss", "pss", "uss")}


def _refilled(preheat: int, seconds: float) -> float:
    """With a pool, give it time to refill before measuring (not counted); returns 0."""
    if preheat:
        time.sleep(seconds)
    return 0.0


def session(tmp: Path, trainees: int) -> tuple[Any, Any, Any]:
    """One simulated class for the console and export figures."""
    from kit.content import load_course
    from kit.demo import run_demo
    from kit.settings import get_settings
    from kit.store import Store

    course, store = load_course(get_settings().data_dir), Store(f"sqlite:///{tmp / 'agg.sqlite3'}")
    return course, store, run_demo(course, store, trainees, (1, 2, 3, 6))


def aggregates(course: Any, store: Any, demo: Any, trainees: int) -> measure.Figure:
    from kit.testing import close, open_console_as

    con = open_console_as(course, store, demo.code, demo.key)
    con.controller.actions.show("m3-case-analysis")

    def once() -> float:
        t = time.perf_counter()
        con.controller.refresh()
        return time.perf_counter() - t

    figure = measure.repeat(f"console refresh, {trainees} trainees", "s", 5, once)
    close(con)
    return figure


def export_times(course: Any, store: Any, demo: Any, tmp: Path,
                 trainees: int) -> dict[str, measure.Figure]:
    from kit.reports.names import export_name
    from kit.reports.pdf import browser
    from kit.reports.run import export

    out = {}
    formats = ["xlsx", "html", "record", "certificates"] + (["pdf"] if browser() else [])
    for fmt in formats:
        def once(f: str = fmt) -> float:
            t = time.perf_counter()
            export(course, store, demo.code, demo.key, f, tmp / export_name(demo.code, f))
            return time.perf_counter() - t

        out[fmt] = measure.repeat(f"export {fmt}, {trainees} trainees", "s", 3, once)
    return out


def browser_figures(runs: int, pages: int, tmp: Path) -> dict[str, Any]:
    out: dict[str, Any] = {}
    db = f"sqlite:///{tmp / 'browser.sqlite3'}"
    with browser.chromium() as chromium:
        for mode, preheat in (("cold", 0), ("preheated", 2)):
            bare, kit = servers.bare(preheat), servers.kit(db, preheat)
            try:
                _refilled(preheat, 6)
                out.update(_tti(chromium, mode, preheat, runs, (bare, kit)))
                if mode == "cold":
                    with measure.phase("browser: live latency and memory"):
                        out.update(_page_memory(chromium, bare, kit, db, pages))
                    with measure.phase("browser: kernels left"):
                        out["left_bare"], out["left_kit"] = browser.kernels_left(
                            chromium, (bare, kit), pages)
            finally:
                bare.stop()
                kit.stop()
    return out


def _tti(chromium: Any, mode: str, preheat: int, runs: int,
         pair: tuple[servers.Running, servers.Running]) -> dict[str, Any]:
    """Time to interactive, bare and kit taking turns: each pool refills while the other runs."""
    got: dict[str, list[tuple[float, int, int]]] = {"bare": [], "kit": []}
    for _ in range(runs):
        for name, srv, ready in (("bare", pair[0], "ok"), ("kit", pair[1], "加入")):
            _refilled(preheat, 2)
            got[name].append(browser.tti(chromium, srv.url, ready))
    out: dict[str, Any] = {}
    for name, values in got.items():
        out[f"tti_{mode}_{name}"] = measure.Figure(f"TTI {mode} {name}", "s",
                                                   tuple(v[0] for v in values))
        out[f"weight_{name}"] = {"requests": values[0][1], "bytes": values[0][2]}
    return out


def _page_memory(chromium: Any, bare: servers.Running, kit: servers.Running, db: str,
                 pages: int) -> dict[str, Any]:
    """Kernel memory in the browser: bare once interactive, kit once an activity is shown.
    Both with ``pages`` pages open, so that bare kernels share their libraries as widely."""
    latency = browser.live_latency(chromium, kit, db, pages)
    out: dict[str, Any] = {"latency": latency, "parent_pss": latency.pop("parent_pss")}
    out |= _memory_figures("kit", "activity shown", latency.pop("memory"), "shown_kit")
    if merged := latency.pop("merged"):  # the same pages, still open, with the host's KSM on
        out |= _memory_figures("kit", "activity shown, KSM", merged.pop("memory"), "shown_kit_ksm")
        out["ksm_live"] = merged
    out |= _memory_figures("bare", "interactive", browser.page_rss(chromium, bare, "ok", pages),
                           "shown_bare")
    return out


def phone_tti(runs: int) -> dict[str, Any]:
    """Trainee page at 4× CPU throttle in a 390×844 mobile context; bare and kit in turns."""
    got: dict[str, list[tuple[float, float]]] = {"bare": [], "kit": []}
    db = f"sqlite:///{tempfile.mkdtemp()}/phone.sqlite3"
    bare, kit = servers.bare(), servers.kit(db)
    try:
        with browser.chromium() as chromium:
            for _ in range(runs):
                for name, srv, ready in (("bare", bare, "ok"), ("kit", kit, "加入")):
                    got[name].append(browser.tti_phone(chromium, srv.url, ready))
                    measure.cleanup(srv)
    finally:
        bare.stop()
        kit.stop()
    out: dict[str, Any] = {}
    for name, values in got.items():
        out[f"tti_phone_{name}"] = measure.Figure(f"TTI phone 4x {name}", "s",
                                                  tuple(v[0] for v in values))
        out[f"tti_phone_again_{name}"] = measure.Figure(f"TTI phone 4x again {name}", "s",
                                                        tuple(v[1] for v in values))
    return out


def validate_time() -> measure.Figure:
    from kit.content import check
    from kit.settings import get_settings

    def once() -> float:
        t = time.perf_counter()
        check(get_settings().data_dir)
        return time.perf_counter() - t

    return measure.repeat("kit validate (full content)", "s", 5, once)


def settings(args: argparse.Namespace) -> dict[str, Any]:
    """Sizes per mode, and what this run is on."""
    size = 0 if args.smoke else (1 if args.quick else 2)  # smoke, quick, full
    return {"mode": ("smoke", "quick", "full")[size], "burst": (3, 10, 30)[size],
            "bursts": (1, 2, 20)[size], "runs": (2, 5, 5)[size],
            "store_trainees": (8, 50, 200)[size], "store_items": (3, 10, 30)[size], "procs": 8,
            "agg_trainees": (20, 50, 200)[size], "pages": (3, 5, 30)[size],
            "class": ((5,), (30,), (200, 600))[size],
            "date": time.strftime("%Y-%m-%d %H:%M"),
            "machine": f"{platform.machine()} {psutil_cpus()} cores, {platform.system()}",
            "python": platform.python_version(),
            "versions": {p: version(p) for p in ("voila", "ipywidgets", "SQLAlchemy")}}


def run_all(meta: dict[str, Any], tmp: Path, pg: str | None) -> dict[str, Any]:
    with measure.phase("serving"):
        results = serving(meta["runs"], meta["burst"], meta["bursts"], tmp, meta["mode"] == "full")
    urls = {"sqlite": f"sqlite:///{tmp / 'load.sqlite3'}"} | ({"postgresql": pg} if pg else {})
    with measure.phase("store"):
        results["store"] = {k: store_load.run(u, meta["store_trainees"], meta["procs"],
                                              meta["store_items"]) for k, u in urls.items()}
    with measure.phase("console, validate, export"):
        course, store, demo = session(tmp, meta["agg_trainees"])
        results["aggregates"] = aggregates(course, store, demo, meta["agg_trainees"])
        results["validate"] = validate_time()
        results["export"] = export_times(course, store, demo, tmp, meta["agg_trainees"])
    with measure.phase("class memory and CPU per poll"):
        results["class"] = classroom.run(f"sqlite:///{tmp / 'class.sqlite3'}", meta["class"])
    if meta["mode"] != "smoke":
        with measure.phase("browser"):
            results.update(browser_figures(meta["runs"], meta["pages"], tmp))
        with measure.phase("browser: phone, 4x CPU throttle"):
            results.update(phone_tti(meta["runs"]))
    return results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true",
                        help="a few minutes (about 3 more as root: the two KSM passes)")
    parser.add_argument("--pg", help="also load-test this PostgreSQL URL")
    parser.add_argument("--smoke", action="store_true",
                        help="tiny sizes to prove the harness runs (tests); not for figures")
    parser.add_argument("--out", type=Path, default=DOCS, help="where to write the results")
    parser.add_argument("--class", dest="class_sizes", type=int, nargs="+",
                        help="class sizes for the whole-class memory figure (default by mode)")
    args = parser.parse_args()
    meta = settings(args)
    if args.class_sizes:
        meta["class"] = tuple(args.class_sizes)
    with tempfile.TemporaryDirectory() as tmp_name:
        results = run_all(meta, Path(tmp_name), args.pg)
    write(results, meta, args.out)


if __name__ == "__main__":
    main()
