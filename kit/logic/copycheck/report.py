"""Reviews as text: the JSON object of codes per sample, and a readable Chinese report."""

from __future__ import annotations

from collections.abc import Mapping

from kit.logic.copycheck.findings import Finding, Review


def codes_by_id(reviews: Mapping[str, Review]) -> dict[str, list[str]]:
    """Sample id → codes found (``[]`` when the copy is clean), in input order."""
    return {key: list(r.codes) for key, r in reviews.items()}


def _where(f: Finding) -> str:
    if f.missing:
        return "全文缺少"
    return f"“{f.matched}”（第 {f.start + 1}—{f.end} 字）"


def finding_lines(f: Finding) -> list[str]:
    return [f"  {f.code} {f.title}：{_where(f)}",
            f"      问题：{f.message}",
            f"      建议：{f.rewrite}",
            f"      依据：{f.citation}"]


def text_report(reviews: Mapping[str, Review]) -> str:
    lines: list[str] = []
    for key, review in reviews.items():
        if not review.findings:
            lines.append(f"【{key}】未发现问题")
            continue
        lines.append(f"【{key}】发现 {len(review.codes)} 类问题：{'、'.join(review.codes)}")
        for finding in review.findings:
            lines.extend(finding_lines(finding))
    flagged = sum(1 for r in reviews.values() if r.findings)
    lines.append(f"共审查 {len(reviews)} 条文案，{flagged} 条发现问题，"
                 f"{len(reviews) - flagged} 条未发现问题。")
    lines.append("说明：检查器按规则识别常见违规表述，结论供人工审查参考，不能代替消保审查。")
    return "\n".join(lines)
