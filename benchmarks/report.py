"""The benchmark table (docs/benchmarks.md) and JSON, from one run's figures."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from benchmarks import measure


def ratio(a: measure.Figure, b: measure.Figure) -> float:
    return a.median / b.median


def table(results: dict[str, Any], meta: dict[str, Any]) -> str:
    f = results
    rows = [
        ("可交互时间(浏览器,冷)/ TTI, cold", f.get("tti_cold_kit"), f.get("tti_cold_bare"),
         "≤ 1.3×"),
        ("可交互时间(浏览器,预热)/ TTI, preheated", f.get("tti_preheated_kit"),
         f.get("tti_preheated_bare"), "≤ 1.3×"),
        ("页面渲染(冷启动,HTTP)/ render, cold", f["render_cold_kit"], f["render_cold_bare"],
         "—"),
        ("页面渲染(预热,HTTP)/ render, preheated", f.get("render_preheated_kit"),
         f.get("render_preheated_bare"), "—"),
        ("每名学员的内核 PSS(显示活动后,含父进程分摊)/ kernel PSS per trainee, activity "
         "shown, parent's share included", per_trainee(f), f.get("pss_shown_bare"), "≤ 0.4×"),
        ("同上,页面开着时主机开启 KSM / the same, pages open, with the host's KSM on",
         per_trainee(f, "pss_shown_kit_ksm", f.get("ksm_live", {}).get("parent_pss", 0.0)),
         f.get("pss_shown_bare"), "≤ 0.4×"),
        ("内核 USS(显示活动后)/ kernel USS, activity shown", f.get("uss_shown_kit"),
         f.get("uss_shown_bare"), "—"),
        ("内核 RSS(显示活动后,共享页重复计算)/ kernel RSS, activity shown", f.get("rss_shown_kit"),
         f.get("rss_shown_bare"), "—"),
        ("内核 PSS(HTTP 渲染后,加入页)/ kernel PSS after render", f["pss_kit"], f["pss_bare"],
         "—"),
        ("学员手机可交互时间(4× CPU 降速,390×844,冷缓存)/ trainee TTI, phone, cold",
         f.get("tti_phone_kit"), f.get("tti_phone_bare"), "≤ 0.8×"),
        ("同一手机再次打开 / the same phone, second load", f.get("tti_phone_again_kit"),
         f.get("tti_phone_again_bare"), "—"),
        (f"同时加入 {meta['burst']} 人(冷,服务器端)/ join burst, cold, server side",
         f["burst_cold_kit"], f["burst_cold_bare"], "≤ 0.3×"),
        (f"同时加入 {meta['burst']} 人(预热)/ join burst, pool", f.get("burst_preheated_kit"),
         f["burst_cold_bare"], "≤ 0.3× bare cold"),
    ]
    lines = ["| 指标 / figure | kit median (min–max) | bare median | ratio | goal |",
             "|---|---|---|---|---|"]
    for name, kit, bare, goal in rows:
        if kit is None or bare is None:
            continue
        shown = f"{ratio(kit, bare):.2f}×" if bare.median >= 0.01 else "—"  # cached page
        lines.append(f"| {name} | {_fmt(kit)} | {bare.median:.2f} {bare.unit} | {shown} | {goal} |")
    lines.append("")
    lines.append(f"- 加入失败 / burst failures: kit cold {f['burst_cold_kit_failures']}, "
                 f"kit pool {f.get('burst_preheated_kit_failures', '—')}, bare cold "
                 f"{f['burst_cold_bare_failures']}, bare pool "
                 f"{f.get('burst_preheated_bare_failures', '—')}"
                 f"(共 {meta['bursts']} 轮 / bursts each)")
    for engine, s in f["store"].items():
        lines.append(f"- 存储 {engine}:{meta['store_trainees']} 名模拟学员 × {meta['store_items']} "
                     f"题,{meta['procs']} 个进程;丢失 {s['lost']},错误 {s['errors']},"
                     f"写入 p50 {s['p50_ms']:.1f} ms,p99 {s['p99_ms']:.1f} ms"
                     "(目标:0 丢失,p99 ≤ 50 ms)")
    lines.append(f"- 讲师控制台刷新 / console refresh ({meta['agg_trainees']} 人 × 9 个活动):"
                 f"{_fmt(f['aggregates'])}(目标 ≤ 0.1 s)")
    lines.append(f"- `kit validate` 全部内容:{_fmt(f['validate'])}(目标 ≤ 2 s)")
    lines += classes(f)
    if "latency" not in f:
        lines.append("- (smoke:未测浏览器指标 / browser figures skipped)")
        lines.append(capacity(f, meta))
        return "\n".join(lines)
    lat = f["latency"]
    lines.append(f"- 现场延迟 / live latency,{meta['pages']} 个学员页面:讲师开放 → 学员可见 "
                 f"p50 {lat['open_p50']:.2f} s,p95 {lat['open_p95']:.2f} s;学员提交 → 讲师图表 "
                 f"p50 {lat['submit_p50']:.2f} s,p95 {lat['submit_p95']:.2f} s(目标 p95 ≤ 2 s);"
                 f"其中新活动的控件到达页面(浏览器绘制之前)p50 {lat['sent_p50']:.2f} s,"
                 f"p95 {lat['sent_p95']:.2f} s")
    if "pss_shown_kit" in f:
        n = len(f["pss_shown_kit"].values)
        lines.append(f"- 派生父进程 / fork parent:PSS {f['parent_pss']:.1f} MB,分摊到本次 {n} 名"
                     f"学员每人 {f['parent_pss'] / max(n, 1):.2f} MB(已计入上表每名学员的 PSS)")
    if k := f.get("ksm_live"):
        lines.append(f"- 页面开着、主机开启 KSM / pages open, host KSM on:{k['converged_s']:.0f} s"
                     f"({k['full_scans']} 遍扫描)合并到稳定,其间 ksmd 平均 "
                     f"{k['ksmd_cpu_converging']:.2f} 个核,此后 {k['ksmd_cpu_share']:.2f} 个核")
    lines.append(f"- 关闭 {meta['pages']} 个页面 10 秒后残留内核:kit {f['left_kit']},"
                 f"bare {f['left_bare']}(目标 0)")
    lines.append(f"- 导出 {meta['agg_trainees']} 名学员(目标每种 ≤ 5 s):"
                 + ",".join(f"{fmt} {_fmt(fig)}" for fmt, fig in f["export"].items()))
    wk, wb = f["weight_kit"], f["weight_bare"]
    lines.append(f"- 首次加载 / page weight:kit {wk['requests']} 个请求 "
                 f"{wk['bytes'] / 2**20:.1f} MB,bare {wb['requests']} 个请求 "
                 f"{wb['bytes'] / 2**20:.1f} MB")
    lines.append(capacity(f, meta))
    return "\n".join(lines)


def per_trainee(f: dict[str, Any], key: str = "pss_shown_kit",
                parent: float | None = None) -> measure.Figure | None:
    """A kit trainee's kernel PSS plus its share of the fork parent's PSS."""
    kit = f.get(key)
    if kit is None:
        return None
    share = (f.get("parent_pss", 0.0) if parent is None else parent) / max(len(kit.values), 1)
    return measure.Figure(kit.name + " + parent share", "MB", tuple(v + share for v in kit.values))


def classes(f: dict[str, Any]) -> list[str]:
    """The whole class on one server: PSS of all kernels plus the parent; CPU per poll."""
    lines = []
    for c in f.get("class", []):
        total = (c["pss_sum_mb"] + c["parent_pss_mb"]) / 1024
        lines.append(
            f"- 整班 / whole class of {c['size']}:{c['kernels']} 个内核 PSS 合计 + 父进程 = "
            f"{total:.2f} GB(RSS 合计 {c['rss_sum_mb'] / 1024:.1f} GB,USS 合计 "
            f"{c['uss_sum_mb'] / 1024:.2f} GB;每内核 PSS 中位数 {c['pss_median_mb']:.1f} MB,"
            f"父进程 {c['parent_pss_mb']:.0f} MB;丢失 {c['lost']});每次轮询 CPU "
            f"{c['cpu_per_poll_ms']:.2f} ms,内核合计占用 {c['cpu_share']:.2f} 个核"
            + ("(目标:200 人 ≤ 4 GB)" if c["size"] == 200 else ""))
        if merged := c.get("ksm"):
            lines.append(_merged(c["size"], merged))
    return lines


def _merged(size: int, k: dict[str, Any]) -> str:
    total = (k["pss_sum_mb"] + k["parent_pss_mb"]) / 1024
    return (f"  - 同一个 {size} 人的班,主机开启 KSM(页面合并,`pages_to_scan` {k['pages_to_scan']})"
            f"后 / with the host's KSM on:PSS 合计 + 父进程 = {total:.2f} GB(每内核 PSS 中位数 "
            f"{k['pss_median_mb']:.1f} MB,USS 合计 {k['uss_sum_mb'] / 1024:.2f} GB);合并用了"
            f" {k['converged_s']:.0f} s 才稳定({k.get('full_scans', '?')} 遍扫描,其间 ksmd 平均占用"
            f" {k.get('ksmd_cpu_converging', 0.0):.2f} 个核),此后占用"
            f" {k['ksmd_cpu_share']:.2f} 个核")


def capacity(f: dict[str, Any], meta: dict[str, Any]) -> str:
    """Largest class by memory (24 GiB less 2 GiB for the system), from the largest class
    measured (PSS per trainee falls as more kernels share the parent's pages)."""
    biggest = max(f.get("class", []), key=lambda c: c["size"], default=None)
    if biggest is None or not biggest["kernels"]:
        return "- 容量估计 / capacity:未测 / not measured"
    per = (biggest["pss_sum_mb"] + biggest["parent_pss_mb"]) / biggest["kernels"]
    by_memory = int((22 * 1024) / per)
    polls = by_memory * biggest["cpu_per_poll_ms"] / 1000
    return (f"- 容量估计 / capacity:按内存约 {by_memory} 名学员(24 GB 留 2 GB 给系统;在 "
            f"{biggest['size']} 人的班上每人 {per:.1f} MB,含父进程分摊;目标 ≥ 600);"
            f"这么多人每秒各轮询一次约需 {polls:.2f} 个 CPU 核(每次 "
            f"{biggest['cpu_per_poll_ms']:.2f} ms,在 {biggest['size']} 人时测得)"
            + _merged_capacity(f.get("class", [])))


def _merged_capacity(classes: list[dict[str, Any]]) -> str:
    k = next((c["ksm"] for c in classes if c.get("ksm")), None)
    if not k or not k["kernels"]:
        return ""
    per = (k["pss_sum_mb"] + k["parent_pss_mb"]) / k["kernels"]
    return (f";主机开启 KSM 时每人 {per:.1f} MB(在 {k['size']} 人的班上),"
            f"约 {int((22 * 1024) / per)} 名")


def _fmt(fig: measure.Figure) -> str:
    return f"{fig.median:.3f} {fig.unit} ({min(fig.values):.3f}–{max(fig.values):.3f})"


def psutil_cpus() -> int:
    import psutil

    return int(psutil.cpu_count() or 0)


def plain(value: Any) -> Any:
    """Figures (at any depth) as their summaries, for JSON."""
    if isinstance(value, measure.Figure):
        return value.summary()
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


def write(results: dict[str, Any], meta: dict[str, Any], out: Path) -> None:
    data = plain(results)
    out.mkdir(parents=True, exist_ok=True)
    (out / "benchmarks.json").write_text(json.dumps({"meta": meta, "results": data},
                                                    ensure_ascii=False, indent=2) + "\n")
    doc = out / "benchmarks.md"
    # the last marker: the notes above the results may quote the marker itself
    head = doc.read_text("utf-8").rpartition("<!-- results -->")[0] if doc.exists() else HEADER
    body = (f"<!-- results -->\n最近一次运行 / latest run: {meta['date']},{meta['mode']},"
            f"{meta['machine']},Python {meta['python']},"
            + ",".join(f"{k} {v}" for k, v in meta["versions"].items()) + "\n\n"
            + table(results, meta) + "\n")
    doc.write_text(head + body, encoding="utf-8")
    print(body)


HEADER = """# 性能基准 / Benchmarks

`make bench`(完整)与 `make bench-quick`(几分钟)在同一次运行中分别测量裸 Voilà
(一个 hello-widget 笔记本)与本套件,每项取至少 5 次的中位数,并以比值比较。

"""

