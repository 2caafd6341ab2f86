"""``python -m kit fleet``."""

from __future__ import annotations

import argparse

HELP = "排练多服务器部署：在本机启动 N 个 kit serve（共用一个存储）和 nginx"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--servers", type=int, default=3, help="服务器个数，默认 3")
    parser.add_argument("--port", type=int, default=8080,
                        help="nginx 端口，默认 8080;服务器用其后的端口（8081、8082……）")
    parser.add_argument("--db", required=True,
                        help="共用的存储地址，如 postgresql+psycopg://user@host/db")
    parser.add_argument("--host", default="127.0.0.1", help="nginx 监听地址；局域网用 0.0.0.0")
    parser.add_argument("--class-size", type=int, default=0,
                        help="预计学员总人数：各服务器按平均人数预热内核")
    parser.add_argument("--kernels", choices=("fork", "plain"), default=None,
                        help="学员内核，同 kit serve")
    parser.add_argument("--workdir", default=None, help="日志与 nginx 配置目录，默认 var/fleet")


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from kit.fleet.run import FleetOptions
    from kit.fleet.run import run as run_fleet

    opts = FleetOptions(servers=args.servers, port=args.port, db=args.db, host=args.host,
                        kernels=args.kernels or "", class_size=args.class_size)
    if args.workdir:
        opts = FleetOptions(**{**opts.__dict__, "workdir": Path(args.workdir)})
    return run_fleet(opts)
