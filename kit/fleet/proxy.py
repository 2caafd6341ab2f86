"""nginx in front of the fleet: the config from ``deploy/multi-voila/nginx.conf.template``,
and nginx itself run unprivileged in the foreground (for a rehearsal or a test)."""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from kit.settings import REPO_ROOT

TEMPLATE = REPO_ROOT / "deploy" / "multi-voila" / "nginx.conf.template"
NGINX_PATHS = ("/usr/sbin/nginx", "/usr/local/sbin/nginx")


@dataclass(frozen=True)
class Backend:
    server_id: str
    port: int

    @property
    def prefix(self) -> str:
        return f"/{self.server_id}/"


def location(b: Backend, host: str = "127.0.0.1") -> str:
    """Server ``b``'s own path; when it is down, its pages go back to the entry point."""
    sid = b.server_id
    return (f"        location /{sid}/ {{\n"
            f"            proxy_pass http://{host}:{b.port};\n"
            f"            error_page 502 504 = @{sid}_down;\n"
            f"        }}\n"
            f"        location @{sid}_down {{\n"
            f"            rewrite ^/{sid}(/voila/render/.*)$ $1?down={sid} redirect;\n"
            f"            return 502;\n"
            f"        }}\n")


def render(backends: list[Backend], listen: str, prefix: Path,
           template: Path = TEMPLATE) -> str:
    entry = "\n".join(f"        server 127.0.0.1:{b.port} max_fails=1 fail_timeout=10s;"
                      for b in backends)
    text = template.read_text("utf-8")
    for key, value in (("@@PREFIX@@", str(prefix)), ("@@LISTEN@@", listen),
                       ("@@ENTRY@@", entry),
                       ("@@SERVERS@@", "\n".join(location(b) for b in backends))):
        text = text.replace(key, value)
    return text


def nginx_binary() -> str | None:
    return shutil.which("nginx") or next((p for p in NGINX_PATHS if Path(p).exists()), None)


def start(backends: list[Backend], listen: str, prefix: Path) -> subprocess.Popen[bytes]:
    """Write the config under ``prefix`` and start nginx in the foreground (no root needed)."""
    binary = nginx_binary()
    if binary is None:
        raise RuntimeError("找不到 nginx:请先安装（Debian/Ubuntu:apt-get install nginx）")
    for sub in ("tmp", "logs"):
        (prefix / sub).mkdir(parents=True, exist_ok=True)
    if os.geteuid() == 0:  # nginx started by root runs its workers as nobody
        nobody = pwd.getpwnam("nobody")
        os.chown(prefix / "tmp", nobody.pw_uid, nobody.pw_gid)
    conf = prefix / "nginx.conf"
    conf.write_text(render(backends, listen, prefix), "utf-8")
    base = [binary, "-p", str(prefix), "-c", str(conf), "-e", str(prefix / "error.log")]
    check = subprocess.run([*base, "-t", "-q"],
                           capture_output=True, text=True)
    if check.returncode:
        raise RuntimeError(f"nginx 配置有误：{check.stderr.strip()}")
    return subprocess.Popen([*base, "-g", "daemon off;"], start_new_session=True)
