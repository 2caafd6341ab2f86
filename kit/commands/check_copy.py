"""``python -m kit check-copy --in FILE.yaml [--json]``: batch review of marketing copy.

FILE holds ``samples: [{id, text}, ...]`` (other keys are ignored). ``--json`` prints one JSON
object, sample id → list of ad_rule codes (``[]`` when clean); otherwise a Chinese report.
Bad input gets a Chinese message on stderr and exit code 2; nothing is half-printed.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kit.i18n import N_, _

HELP = N_("按营销宣传规则批量审查文案(M1—M12)")
MAX_TEXT = 5000


class BadInput(Exception):
    """A problem with the samples file, in Chinese."""


@dataclass(frozen=True)
class Sample:
    id: str
    text: str


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--in", dest="path", required=True, type=Path,
                        help=_("YAML 文件,内容为 samples: [{id, text}, ...]"))
    parser.add_argument("--json", action="store_true",
                        help=_("输出一个 JSON 对象:每条文案的 id → 发现的违规编码列表"))


def _sample(i: int, item: Any) -> Sample:
    where = _("samples 第 {number} 条").format(number=i + 1)
    if not isinstance(item, dict):
        raise BadInput(_("{where} 应是含 id 和 text 的映射").format(where=where))
    key, text = item.get("id"), item.get("text")
    if not isinstance(key, (str, int)) or isinstance(key, bool) or not str(key).strip():
        raise BadInput(_("{where} 缺少 id(文字或数字)").format(where=where))
    if not isinstance(text, str) or not text.strip():
        raise BadInput(_("{where}(id {id})缺少 text,或 text 不是文字").format(where=where, id=key))
    if len(text) > MAX_TEXT:
        raise BadInput(_("{where}(id {id})的 text 超过 {limit} 字").format(
            where=where, id=key, limit=MAX_TEXT))
    return Sample(str(key).strip(), text)


def read_samples(path: Path) -> list[Sample]:
    from kit.content.yamlsafe import ContentError, read_yaml

    if not path.is_file():
        raise BadInput(_("找不到文件:{path}").format(path=path))
    try:
        data, _where = read_yaml(path)
    except ContentError as exc:
        raise BadInput(_("{path} 第 {line} 行:{message}").format(
            path=path, line=exc.line, message=exc.message)) from exc
    if not isinstance(data, dict) or not isinstance(data.get("samples"), list):
        raise BadInput(_("{path} 的格式应为 {shape}").format(
            path=path, shape="samples: [{id, text}, ...]"))
    samples = [_sample(i, item) for i, item in enumerate(data["samples"])]
    seen = [s.id for s in samples]
    if dup := sorted({k for k in seen if seen.count(k) > 1}):
        raise BadInput(_("id 重复:{ids}").format(ids=_("、").join(dup)))
    return samples


def run(args: argparse.Namespace) -> int:
    import json

    from kit.app import load
    from kit.logic.copycheck import review_all
    from kit.logic.copycheck.report import codes_by_id, text_report

    try:
        samples = read_samples(args.path)
    except BadInput as exc:
        print(_("无法审查:{problem}").format(problem=exc), file=sys.stderr)
        return 2
    rules = load().ad_rules
    if rules is None:
        print(_("内容目录中没有 ad_rules.yaml,无法审查文案。"), file=sys.stderr)
        return 1
    reviews = review_all({s.id: s.text for s in samples}, rules)
    out = (json.dumps(codes_by_id(reviews), ensure_ascii=False) if args.json
           else text_report(reviews))
    print(out)
    return 0
