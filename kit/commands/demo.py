"""``python -m kit demo``: a workshop filled with simulated trainees, for rehearsal."""

from __future__ import annotations

import argparse

HELP = "用模拟学员填满一场工作坊,供排练与压测"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--trainees", type=int, default=30, help="模拟学员人数,默认 30")
    parser.add_argument("--modules", default="3", help="模块编号,逗号分隔,默认 3")
    parser.add_argument("--db", help="存储地址,默认 var/ 下的 SQLite")
    parser.add_argument("--port", type=int, default=8866, help="控制台网址中的端口")


def run(args: argparse.Namespace) -> int:
    from kit.content import load_course
    from kit.demo import run_demo
    from kit.settings import get_settings
    from kit.store import open_store

    modules = tuple(int(m) for m in args.modules.split(",") if m.strip())
    result = run_demo(load_course(get_settings().data_dir), open_store(args.db),
                      args.trainees, modules)
    print(f"演示工作坊已就绪:参与码 {result.code},讲师密钥 {result.key},"
          f"{result.trainees} 名模拟学员,{result.submissions} 份提交。")
    print(f"讲师控制台:http://127.0.0.1:{args.port}/voila/render/workshops/console.ipynb"
          f"?code={result.code}(输入讲师密钥登录;密钥不要放进网址)")
    return 0
