"""Precision and recall per code, from expected and found codes per sample (pure)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from kit.logic.copycheck.findings import code_key


@dataclass(frozen=True)
class CodeScore:
    code: str
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None


@dataclass(frozen=True)
class Scores:
    per_code: tuple[CodeScore, ...]
    samples: int
    clean: int
    clean_flagged: int
    """Compliant samples on which the checker raised anything (false alarms)."""

    @property
    def overall(self) -> CodeScore:
        return CodeScore("全部", *(sum(getattr(c, k) for c in self.per_code)
                                   for k in ("tp", "fp", "fn")))


def score(expected: Mapping[str, Iterable[str]], found: Mapping[str, Iterable[str]]) -> Scores:
    exp = {k: set(v) for k, v in expected.items()}
    got = {k: set(found.get(k, ())) for k in exp}
    codes = sorted(set().union(*exp.values(), *got.values()), key=code_key)
    per = tuple(CodeScore(c, sum(c in exp[k] and c in got[k] for k in exp),
                          sum(c in got[k] and c not in exp[k] for k in exp),
                          sum(c in exp[k] and c not in got[k] for k in exp)) for c in codes)
    clean = [k for k in exp if not exp[k]]
    return Scores(per, len(exp), len(clean), sum(1 for k in clean if got[k]))


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def table(scores: Scores) -> str:
    """A Markdown table: one row per code, then the overall row."""
    rows = ["| 编码 | 命中 | 误报 | 漏报 | 精确率 | 召回率 |", "|---|---:|---:|---:|---:|---:|"]
    for c in (*scores.per_code, scores.overall):
        rows.append(f"| {c.code} | {c.tp} | {c.fp} | {c.fn} | {_pct(c.precision)} | "
                    f"{_pct(c.recall)} |")
    rows.append(f"\n{scores.samples} 条文案，其中合规 {scores.clean} 条；"
                f"合规文案被误报 {scores.clean_flagged} 条。")
    return "\n".join(rows)
