"""``kit fleet``: N ``kit serve`` processes on one store and nginx in front, on one machine.

For a rehearsal of the several-server shape (``docs/deploy.md``). It is thin on purpose: each
server is a plain ``kit serve --server-id sN --base-url /sN/``; nginx does the routing and the
store (PostgreSQL) does the sharing. A server that dies is reported, not restarted: its
trainees move to a live server when they reload.
"""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from kit.fleet import proxy
from kit.i18n import _
from kit.serve import CONSOLE_PAGE, READY_PATH, TRAINEE_PAGE, wait_until_up
from kit.settings import REPO_ROOT


@dataclass(frozen=True)
class FleetOptions:
    servers: int = 3
    port: int = 8080
    db: str = ""
    host: str = "127.0.0.1"
    kernels: str = ""
    class_size: int = 0
    workdir: Path = REPO_ROOT / "var" / "fleet"


def backends(opts: FleetOptions) -> list[proxy.Backend]:
    return [proxy.Backend(f"s{i}", opts.port + i) for i in range(1, opts.servers + 1)]


def serve_command(opts: FleetOptions, b: proxy.Backend) -> list[str]:
    cmd = [sys.executable, "-m", "kit", "serve", "--no-browser", "--port", str(b.port),
           "--server-id", b.server_id, "--base-url", b.prefix, "--db", opts.db,
           "--class-size", str(opts.class_size // max(1, opts.servers))]
    return cmd + (["--kernels", opts.kernels] if opts.kernels else [])


def _taken(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0


def run(opts: FleetOptions) -> int:
    order = backends(opts)
    busy = [p for p in [opts.port, *(b.port for b in order)] if _taken(p)]
    if busy:
        print(_("端口已被占用:{ports};请用 --port 换一个起始端口。").format(
            ports=", ".join(map(str, busy))), flush=True)
        return 2
    opts.workdir.mkdir(parents=True, exist_ok=True)
    procs: dict[str, subprocess.Popen[bytes]] = {}
    previous = {s: signal.signal(s, _interrupt)
                for s in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)}
    try:
        for b in order:
            log = (opts.workdir / f"{b.server_id}.log").open("wb")
            procs[b.server_id] = subprocess.Popen(serve_command(opts, b), cwd=REPO_ROOT,
                                                  stdout=log, stderr=subprocess.STDOUT)
        for b in order:
            url = f"http://127.0.0.1:{b.port}{b.prefix.rstrip('/')}{READY_PATH}"
            if not wait_until_up(url, procs[b.server_id], timeout=120):
                print(_("{server} 未能启动,见 {log}").format(
                    server=b.server_id, log=opts.workdir / (b.server_id + ".log")), flush=True)
                return 1
        procs["nginx"] = proxy.start(order, f"{opts.host}:{opts.port}", opts.workdir / "nginx")
        _announce(opts, order, procs)
        return _watch(procs)
    except KeyboardInterrupt:
        print("\n" + _("正在停止……"), flush=True)
        return 0
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        for proc in procs.values():
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
        for proc in procs.values():
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
        print("已停止 / stopped.", flush=True)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _announce(opts: FleetOptions, order: list[proxy.Backend],
              procs: dict[str, subprocess.Popen[bytes]]) -> None:
    host = "127.0.0.1" if opts.host in ("0.0.0.0", "::") else opts.host
    front = f"http://{host}:{opts.port}"
    lines = [f"  {b.server_id}: http://127.0.0.1:{b.port}{b.prefix} (pid {procs[b.server_id].pid})"
             for b in order]
    print("\n消保工坊多服务器排练已启动 / kit fleet is serving:\n"
          f"  学员 / Trainee: {front}/voila/render/{TRAINEE_PAGE}\n"
          f"  讲师 / Instructor: {front}/voila/render/{CONSOLE_PAGE}\n"
          + "\n".join(lines)
          + f"\n  nginx: {opts.workdir / 'nginx' / 'nginx.conf'}\n"
          "按 Ctrl-C 停止 / Ctrl-C to stop.\n", flush=True)


def _watch(procs: dict[str, subprocess.Popen[bytes]]) -> int:
    """Until Ctrl-C: say once when a server stops (its trainees move on reload)."""
    told: set[str] = set()
    while True:
        for name, proc in procs.items():
            if proc.poll() is not None and name not in told:
                told.add(name)
                print(_("{name} 已停止(退出码 {code})").format(name=name, code=proc.returncode),
                      flush=True)
                if name == "nginx":
                    return 1
        time.sleep(1)
