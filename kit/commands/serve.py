"""``python -m kit serve``."""

from __future__ import annotations

import argparse
import os

HELP = "启动 Voilà,打印学员与讲师网址"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1", help="监听地址;培训室局域网用 0.0.0.0")
    parser.add_argument("--port", type=int, default=8866, help="端口,默认 8866")
    parser.add_argument("--db", help="存储地址(SQLAlchemy URL),默认 var/ 下的 SQLite")
    parser.add_argument("--no-browser", action="store_true", help="不自动打开浏览器")
    parser.add_argument("--class-size", type=int, default=0,
                        help="预计学员人数:按此预热内核池(0 表示不预热)")
    parser.add_argument("--kernels", choices=("fork", "plain"), default=None,
                        help="学员内核:fork 从预热的父进程派生(Linux 默认,省内存、加入快);"
                             "plain 每人单独启动一个进程(其他系统的默认,也是退路)")
    parser.add_argument("--server-id", default="",
                        help="多台服务器共用一个 PostgreSQL 时本服务器的名称（如 s1），"
                             "写入存储的服务器登记")
    parser.add_argument("--base-url", default="/",
                        help="本服务器的路径前缀（如 /s1/），反向代理按路径转发")
    parser.add_argument("--lang", choices=("zh", "en"), help="界面的默认语言（学员可在加入时另选）")


def run(args: argparse.Namespace) -> int:
    from kit.kernels import default_mode
    from kit.serve import ServeOptions, serve

    if args.lang:  # every page's kernel inherits it: kit.i18n reads KIT_LANG
        os.environ["KIT_LANG"] = args.lang
    return serve(ServeOptions(host=args.host, port=args.port, db=args.db,
                              open_browser=not args.no_browser, class_size=args.class_size,
                              kernels=args.kernels or default_mode(),
                              server_id=args.server_id, base_url=_prefix(args.base_url)))


def _prefix(raw: str) -> str:
    """``s1``, ``/s1`` and ``/s1/`` all mean ``/s1/``."""
    inner = raw.strip().strip("/")
    return f"/{inner}/" if inner else "/"
