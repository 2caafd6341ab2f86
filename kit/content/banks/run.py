"""``kit content import-bank``: read a bank, make draft items, check, then write one file."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kit.content.banks import parse
from kit.content.banks.items import Imported, id_prefix, quiz_yaml, to_items
from kit.content.course import check
from kit.content.trial import trial_check, write_all
from kit.i18n import _


class BankRefused(Exception):
    """Nothing was written; the message says why, in Chinese."""


@dataclass(frozen=True)
class BankRequest:
    source: Path
    fmt: str
    module: int
    out: Path
    data_dir: Path
    prefix: str | None = None
    dry_run: bool = False


@dataclass(frozen=True)
class BankResult:
    imported: Imported
    target: str
    """The file's path inside the data directory (``quizzes/NAME.yaml``)."""
    written: bool
    notes: tuple[str, ...] = field(default_factory=tuple)


def read_text(path: Path) -> tuple[str, str]:
    """The file's text and the encoding it was in (UTF-8, else GB18030 as Windows saves it)."""
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise BankRefused(_("{name}: 无法识别文件编码,请另存为 UTF-8").format(name=path.name))


def _target(req: BankRequest) -> str:
    out, data = req.out.resolve(), req.data_dir.resolve()
    if not out.is_relative_to(data / "quizzes") or out.suffix != ".yaml":
        raise BankRefused(_("--out 应是内容目录下的 quizzes/名称.yaml(内容目录:{data})").format(
            data=data))
    if out.exists():
        raise BankRefused(_("{name} 已存在:请换一个文件名,不会覆盖已有题库").format(name=out.name))
    return out.relative_to(data).as_posix()


def import_bank(req: BankRequest) -> BankResult:
    if not req.source.is_file():
        raise BankRefused(_("找不到题库文件:{path}").format(path=req.source))
    target = _target(req)
    text, encoding = read_text(req.source)
    try:
        bank = parse(text, req.fmt)
    except ValueError as exc:
        raise BankRefused(f"{req.source.name}: {exc}") from exc
    course, problems = check(req.data_dir)
    if course is None:
        raise BankRefused(_("内容目录本身未通过校验,请先运行 kit validate 并修复:") + "\n"
                          + "\n".join(map(str, problems)))
    taken = set(course.quizzes) | set(course.polls)
    imported = to_items(bank, req.module, req.prefix or id_prefix(req.out.stem), taken)
    if not imported.items:
        raise BankRefused(_("{name}: 没有可导入的单选、多选或判断题").format(name=req.source.name))
    content = quiz_yaml(imported, req.source.name)
    if found := trial_check(req.data_dir, {target: content}):
        raise BankRefused(_("导入后的内容未通过校验,未写入:") + "\n" + "\n".join(map(str, found)))
    if not req.dry_run:
        write_all(req.data_dir, {target: content})
    notes = ((_("文件编码为 {encoding},已转换为 UTF-8").format(encoding=encoding),)
             if encoding != "utf-8-sig" else ())
    return BankResult(imported, target, not req.dry_run, notes)
