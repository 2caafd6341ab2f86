"""``python -m kit serve``: Voilà over the repository's notebooks, with the kit's settings."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import webbrowser
from dataclasses import dataclass
from pathlib import Path

from kit.content.cache import load_cached
from kit.settings import REPO_ROOT, get_settings
from kit.store import Store

TEMPLATES = Path(__file__).parent / "jupyter"
TRAINEE_PAGE = "exercises/trainee.ipynb"
CONSOLE_PAGE = "workshops/console.ipynb"
MAP_PAGE = "workshops/00_course_map.ipynb"


@dataclass(frozen=True)
class ServeOptions:
    host: str = "127.0.0.1"
    port: int = 8866
    db: str | None = None
    open_browser: bool = False
    class_size: int = 0
    cull_idle_seconds: int = 1800
    transport: str = "ipc"
    """ipc: kernels talk over Unix sockets, so no TCP port can clash in a burst of joins."""


def voila_args(opts: ServeOptions) -> list[str]:
    """The Voilà command line: kit template, no tracebacks, culling, optional preheat."""
    args = [sys.executable, "-m", "voila", "--no-browser", f"--port={opts.port}",
            f"--Voila.ip={opts.host}", f"--Voila.root_dir={REPO_ROOT}", "--template=kit",
            "--show_tracebacks=False", "--Voila.port_retries=0",
            f"--Voila.config_file_paths={TEMPLATES / 'config'}",
            f"--KernelManager.transport={opts.transport}",
            f"--MappingKernelManager.cull_idle_timeout={opts.cull_idle_seconds}",
            "--MappingKernelManager.cull_interval=60",
            "--MappingKernelManager.cull_connected=False"]
    if opts.class_size > 0:
        args += ["--preheat_kernel=True", f"--pool_size={opts.class_size}"]
    return args


def environment(store_url: str) -> dict[str, str]:
    env = dict(os.environ)
    env["KIT_DB_URL"] = store_url
    env["KIT_DATA_DIR"] = str(get_settings().data_dir)
    env["JUPYTER_PATH"] = os.pathsep.join(p for p in (str(TEMPLATES), env.get("JUPYTER_PATH"))
                                          if p)
    return env


def urls(opts: ServeOptions) -> dict[str, str]:
    host = "127.0.0.1" if opts.host in ("0.0.0.0", "::") else opts.host
    base = f"http://{host}:{opts.port}/voila/render/"
    return {"学员 / Trainee": base + TRAINEE_PAGE, "讲师 / Instructor": base + CONSOLE_PAGE,
            "课程地图 / Course map": base + MAP_PAGE}


def wait_until_up(url: str, proc: subprocess.Popen[bytes], timeout: float = 60) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return True
        except OSError:
            time.sleep(0.3)
    return False


def serve(opts: ServeOptions) -> int:
    store_url = opts.db or get_settings().store_url
    Store(store_url).dispose()  # create the schema once, before any kernel races for it
    settings = get_settings()
    load_cached(settings.data_dir, settings.var_dir / "cache")  # validate once, warm the cache
    proc = subprocess.Popen(voila_args(opts), env=environment(store_url), cwd=REPO_ROOT,
                            start_new_session=True)
    try:
        if not wait_until_up(f"http://127.0.0.1:{opts.port}/", proc):
            print("Voilà 未能启动,请查看上方日志。", flush=True)
            return proc.wait() or 1
        _announce(opts, store_url)
        return proc.wait()
    except KeyboardInterrupt:
        print("\n正在停止……", flush=True)
        return 0
    finally:
        _stop(proc)


def _announce(opts: ServeOptions, store_url: str) -> None:
    lines = [f"  {name}: {url}" for name, url in urls(opts).items()]
    shown = store_url.split("@")[-1] if "@" in store_url else store_url
    print("\n消保工坊已启动 / kit is serving:\n" + "\n".join(lines)
          + f"\n  存储 / Store: {shown}{_lan_hint(opts)}\n按 Ctrl-C 停止 / Ctrl-C to stop.\n",
          flush=True)
    if opts.open_browser:
        webbrowser.open(urls(opts)["讲师 / Instructor"])


def _lan_hint(opts: ServeOptions) -> str:
    """On a training-room LAN, trainees use this machine's address instead of 127.0.0.1."""
    if opts.host not in ("0.0.0.0", "::"):
        return ""
    import psutil

    found = [a.address for addrs in psutil.net_if_addrs().values() for a in addrs
             if a.family == socket.AF_INET and not a.address.startswith("127.")]
    return f"\n  局域网 / LAN: 请把网址中的 127.0.0.1 换成 {' 或 '.join(found) or '本机 IP 地址'}"


def _stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    print("已停止 / stopped.", flush=True)
