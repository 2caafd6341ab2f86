"""Files in and out for ``python -m kit scenario``: nothing is overwritten unasked, and a file
that does not validate is still written (nothing is lost) with its problems listed."""

from __future__ import annotations

from pathlib import Path

from kit.content import twee
from kit.content.checks_scenarios import check_file
from kit.content.twee_import import from_twee
from kit.content.twee_scenario import TweeProblem, dump_yaml, to_passages
from kit.content.yamlsafe import MAX_BYTES
from kit.i18n import _

Result = tuple[list[str], int]


def _refuse(src: Path, out: Path, force: bool) -> str | None:
    if not src.is_file():
        return _("{path}:找不到文件").format(path=src)
    if src.stat().st_size > MAX_BYTES:
        return _("{path}:文件过大,上限 {limit} KB").format(path=src, limit=MAX_BYTES // 1024)
    if out.exists() and not force:
        return _("{path} 已存在,未写出;确认要覆盖请加 --force").format(path=out)
    return None


def import_twee(src: Path, out: Path, force: bool = False) -> Result:
    if (refused := _refuse(src, out, force)) is not None:
        return [refused], 1
    try:
        imported = from_twee(twee.parse(src.read_text("utf-8")))
    except UnicodeDecodeError:
        return [_("{path}:文件不是 UTF-8 编码").format(path=src)], 1
    except TweeProblem as exc:
        return [f"{src}:{exc}"], 1
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(dump_yaml(imported.data), "utf-8")
    lines = [_("提示:{warning}").format(warning=w) for w in imported.warnings]
    scenario, problems = check_file(out)
    if scenario is None:
        return [*lines, *(f"{out.parent / str(p)}" for p in problems),
                _("已写出 {path},但有 {count} 个问题需要补齐。").format(
                    path=out, count=len(problems))], 1
    return [*lines, _("已导入:{path}({nodes} 个节点,{endings} 个结局)").format(
        path=out, nodes=len(scenario.nodes), endings=len(scenario.endings))], 0


def export_twee(src: Path, out: Path, force: bool = False) -> Result:
    if (refused := _refuse(src, out, force)) is not None:
        return [refused], 1
    scenario, problems = check_file(src)
    if scenario is None:
        return [*(f"{src.parent / str(p)}" for p in problems), _("情景未通过校验,没有导出。")], 1
    try:
        text = twee.write(to_passages(scenario))
    except TweeProblem as exc:
        return [f"{src}:{exc}"], 1
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, "utf-8")
    return [_("已导出:{path}(可在 Twine 中“导入”打开)").format(path=out)], 0
