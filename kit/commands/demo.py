"""``python -m kit demo``: a workshop filled with simulated trainees, for rehearsal."""

from __future__ import annotations

import argparse

from kit.i18n import N_, _

HELP = N_("用模拟学员填满一场工作坊,供排练与压测")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--trainees", type=int, default=30, help=_("模拟学员人数,默认 30"))
    parser.add_argument("--modules", default="3", help=_("模块编号,逗号分隔,默认 3"))
    parser.add_argument("--db", help=_("存储地址,默认 var/ 下的 SQLite"))
    parser.add_argument("--port", type=int, default=8866, help=_("控制台网址中的端口"))


def run(args: argparse.Namespace) -> int:
    from kit.content import load_course
    from kit.demo import run_demo
    from kit.settings import get_settings
    from kit.store import open_store

    modules = tuple(int(m) for m in args.modules.split(",") if m.strip())
    result = run_demo(load_course(get_settings().data_dir), open_store(args.db),
                      args.trainees, modules)
    print(_("演示工作坊已就绪:参与码 {code},讲师密钥 {key},"
            "{trainees} 名模拟学员,{submissions} 份提交。").format(
        code=result.code, key=result.key, trainees=result.trainees,
        submissions=result.submissions))
    url = f"http://127.0.0.1:{args.port}/voila/render/workshops/console.ipynb?code={result.code}"
    print(_("讲师控制台:{url}(输入讲师密钥登录;密钥不要放进网址)").format(url=url))
    return 0
