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
from dataclasses import dataclass, field
from pathlib import Path

from kit.content.cache import load_cached
from kit.kernels import MODE_VARIABLE, default_mode, fork_supported
from kit.settings import REPO_ROOT, get_settings
from kit.store import Store

TEMPLATES = Path(__file__).parent / "jupyter"
TRAINEE_PAGE = "exercises/trainee.ipynb"
CONSOLE_PAGE = "workshops/console.ipynb"
MAP_PAGE = "workshops/00_course_map.ipynb"
READY_PATH = "/voila/static/voila.js"
"""Polled until the server answers: a static file (``/`` would render the course map)."""


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
    kernels: str = field(default_factory=default_mode)
    """fork: trainee kernels forked from a warm parent (Linux); plain: one process start each."""
    server_id: str = ""
    """One of several servers on one store (``kit fleet``): its name in the store's registry."""
    base_url: str = "/"
    """The path prefix this server answers under (``/s1/``); the proxy routes by it."""


def voila_args(opts: ServeOptions) -> list[str]:
    """The Voilà command line: kit template, no tracebacks, culling, optional preheat."""
    args = [sys.executable, "-m", "kit.voila_app", "--no-browser", f"--port={opts.port}",
            f"--Voila.ip={opts.host}", f"--Voila.root_dir={REPO_ROOT}", "--template=kit",
            "--show_tracebacks=False", "--Voila.port_retries=0",
            f"--Voila.config_file_paths={TEMPLATES / 'config'}",
            f"--KernelManager.transport={opts.transport}",
            f"--MappingKernelManager.cull_idle_timeout={opts.cull_idle_seconds}",
            "--MappingKernelManager.cull_interval=60",
            "--MappingKernelManager.cull_connected=False", f"--Voila.base_url={opts.base_url}"]
    if opts.class_size > 0:
        args += ["--preheat_kernel=True", f"--pool_size={opts.class_size}"]
    return args


def environment(store_url: str, kernels: str = "", server_id: str = "",
                base_url: str = "/") -> dict[str, str]:
    env = dict(os.environ)
    env.pop("KIT_SERVER_ID", None)
    env.pop("KIT_HUB_INSTRUCTOR", None)  # set by JupyterHub's spawner only, never here
    if server_id:
        env.update(KIT_SERVER_ID=server_id, KIT_BASE_URL=base_url)
    env[MODE_VARIABLE] = "fork" if (kernels or default_mode()) == "fork" and fork_supported() \
        else "plain"
    env["KIT_DB_URL"] = store_url
    env["KIT_DATA_DIR"] = str(get_settings().data_dir)
    env["JUPYTER_PATH"] = os.pathsep.join(p for p in (str(TEMPLATES), env.get("JUPYTER_PATH"))
                                          if p)
    return env


def urls(opts: ServeOptions) -> dict[str, str]:
    host = "127.0.0.1" if opts.host in ("0.0.0.0", "::") else opts.host
    base = f"http://{host}:{opts.port}{opts.base_url.rstrip('/')}/voila/render/"
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
    env = environment(store_url, opts.kernels, opts.server_id, opts.base_url)
    proc = subprocess.Popen(voila_args(opts), env=env,
                            cwd=REPO_ROOT, start_new_session=True)
    # SIGTERM (systemd, docker stop, kill) and SIGHUP stop Voilà too, exactly like Ctrl-C; Ctrl-C
    # itself is set here too, since a shell that starts us in the background ignores SIGINT.
    previous = {s: signal.signal(s, _interrupt)
                for s in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)}
    try:
        if not wait_until_up(f"http://127.0.0.1:{opts.port}{opts.base_url.rstrip('/')}{READY_PATH}",
                             proc):
            print("Voilà 未能启动,请查看上方日志。", flush=True)
            return proc.wait() or 1
        _announce(opts, store_url)
        return proc.wait()
    except KeyboardInterrupt:
        print("\n正在停止……", flush=True)
        return 0
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        _stop(proc)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _announce(opts: ServeOptions, store_url: str) -> None:
    lines = [f"  {name}: {url}" for name, url in urls(opts).items()]
    shown = store_url.split("@")[-1] if "@" in store_url else store_url
    lan = _lan_addresses(opts)
    print("\n消保工坊已启动 / kit is serving:\n" + "\n".join(lines)
          + f"\n  存储 / Store: {shown}{_lan_hint(opts)}\n", flush=True)
    trainee = urls(opts)["学员 / Trainee"]
    if lan:
        trainee = trainee.replace("127.0.0.1", lan[0], 1)
    print(f"学员扫码加入 / trainees scan to join: {trainee}\n{_qr(trainee)}"
          "按 Ctrl-C 停止 / Ctrl-C to stop.\n", flush=True)
    if opts.open_browser:
        webbrowser.open(urls(opts)["讲师 / Instructor"])


def _qr(url: str) -> str:
    """The trainee URL as a QR code drawn with block characters, for the terminal."""
    import io

    import segno

    out = io.StringIO()
    segno.make(url, error="m").terminal(out=out, compact=True, border=2)
    return out.getvalue()


def _lan_addresses(opts: ServeOptions) -> list[str]:
    if opts.host not in ("0.0.0.0", "::"):
        return []
    import psutil

    return [a.address for addrs in psutil.net_if_addrs().values() for a in addrs
            if a.family == socket.AF_INET and not a.address.startswith("127.")]


def _lan_hint(opts: ServeOptions) -> str:
    """On a training-room LAN, trainees use this machine's address instead of 127.0.0.1."""
    if opts.host not in ("0.0.0.0", "::"):
        return ""
    found = _lan_addresses(opts)
    if not found:
        return "\n  局域网 / LAN: 请把网址中的 127.0.0.1 换成本机 IP 地址"
    return "".join(f"\n  局域网 / LAN: http://{ip}:{opts.port}/" for ip in found)


def _stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    print("已停止 / stopped.", flush=True)
