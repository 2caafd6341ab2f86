"""Command line: ``python -m kit validate | serve | demo``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kit.settings import get_settings


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m kit", description="消保工坊命令行工具")
    sub = parser.add_subparsers(dest="command", required=True)
    val = sub.add_parser("validate", help="校验 data/ 下的课程内容")
    val.add_argument("data_dir", nargs="?", type=Path, help="内容目录,默认为仓库的 data/")
    val.add_argument("--no-schemas", action="store_true", help="不写出 JSON Schema")
    srv = sub.add_parser("serve", help="启动 Voilà,打印学员与讲师网址")
    srv.add_argument("--host", default="127.0.0.1", help="监听地址;培训室局域网用 0.0.0.0")
    srv.add_argument("--port", type=int, default=8866, help="端口,默认 8866")
    srv.add_argument("--db", help="存储地址(SQLAlchemy URL),默认 var/ 下的 SQLite")
    srv.add_argument("--no-browser", action="store_true", help="不自动打开浏览器")
    srv.add_argument("--class-size", type=int, default=0,
                     help="预计学员人数:按此预热内核池(0 表示不预热)")
    demo = sub.add_parser("demo", help="用模拟学员填满一场工作坊,供排练与压测")
    demo.add_argument("--trainees", type=int, default=30, help="模拟学员人数,默认 30")
    demo.add_argument("--modules", default="3", help="模块编号,逗号分隔,默认 3")
    demo.add_argument("--db", help="存储地址,默认 var/ 下的 SQLite")
    demo.add_argument("--port", type=int, default=8866, help="控制台网址中的端口")
    exp = sub.add_parser("export", help="导出一场工作坊的成绩与记录(需讲师密钥)")
    exp.add_argument("code", help="参与码")
    exp.add_argument("--key", required=True, help="讲师密钥")
    exp.add_argument("--format", choices=["xlsx", "csv", "html", "record"], default="xlsx",
                     help="xlsx 工作簿 | csv 文件夹 | html 打印报告 | record 培训记录 CSV")
    exp.add_argument("--out", type=Path, help="输出路径(默认当前目录)")
    exp.add_argument("--anonymise", action="store_true", help="以固定化名替换姓名与工号")
    exp.add_argument("--db", help="存储地址,默认 var/ 下的 SQLite")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    settings = get_settings()
    if args.command == "validate":
        from kit.validate import run

        return run(args.data_dir or settings.data_dir, schemas=not args.no_schemas)
    if args.command == "serve":
        from kit.serve import ServeOptions, serve

        return serve(ServeOptions(host=args.host, port=args.port, db=args.db,
                                  open_browser=not args.no_browser, class_size=args.class_size))
    if args.command == "demo":
        return _demo(args)
    if args.command == "export":
        return _export(args)
    return 2


def _export(args: argparse.Namespace) -> int:
    from kit.content import load_course
    from kit.reports.run import export
    from kit.store import open_store
    from kit.store.workshops import AccessDenied

    try:
        path = export(load_course(get_settings().data_dir), open_store(args.db), args.code,
                      args.key, args.format, args.out, args.anonymise)
    except AccessDenied:
        print("参与码或讲师密钥不正确,未导出任何内容。")
        return 1
    print(f"已导出:{path}")
    return 0


def _demo(args: argparse.Namespace) -> int:
    from kit.content import load_course
    from kit.demo import run_demo
    from kit.store import open_store

    modules = tuple(int(m) for m in args.modules.split(",") if m.strip())
    result = run_demo(load_course(get_settings().data_dir), open_store(args.db),
                      args.trainees, modules)
    print(f"演示工作坊已就绪:参与码 {result.code},讲师密钥 {result.key},"
          f"{result.trainees} 名模拟学员,{result.submissions} 份提交。")
    print(f"讲师控制台:http://127.0.0.1:{args.port}/voila/render/workshops/console.ipynb"
          f"?code={result.code}&key={result.key}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
