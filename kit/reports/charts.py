"""Inline SVG and HTML charts for printed reports: nothing to download, crisp on paper.

Labels are escaped; numbers are percentages. Options nobody chose are not drawn.
"""

from __future__ import annotations

from collections.abc import Sequence

from kit.htmltext import esc
from kit.i18n import _

BINS = 10
KEY, OTHER, BAR = "#1f7a4d", "#8a94a6", "#2f6db5"


def bins(scores: Sequence[float]) -> list[int]:
    """Counts in 0–9 %, 10–19 %, …, 90–100 % (a full score falls in the last bin)."""
    out = [0] * BINS
    for s in scores:
        out[min(BINS - 1, int(s * BINS + 1e-9))] += 1
    return out


def histogram(scores: Sequence[float], width: int = 520, height: int = 150) -> str:
    """Score distribution: how many trainees scored in each tenth."""
    counts = bins(scores)
    top, bar_w, base = max(counts) or 1, (width - 20) / BINS, height - 28
    label, axis = _("得分分布"), _("得分(柱上为人数)")
    parts = [f"<svg class='hist' viewBox='0 0 {width} {height}' width='{width}' "
             f"height='{height}' role='img' aria-label='{label}'>",
             f"<line x1='10' y1='{base}' x2='{width - 10}' y2='{base}' stroke='#555'/>"]
    for i, n in enumerate(counts):
        h = (base - 18) * n / top
        x = 10 + i * bar_w
        if n:
            parts.append(f"<rect x='{x + 3:.1f}' y='{base - h:.1f}' width='{bar_w - 6:.1f}' "
                         f"height='{h:.1f}' fill='{BAR}'/><text x='{x + bar_w / 2:.1f}' "
                         f"y='{base - h - 4:.1f}' text-anchor='middle' font-size='11'>{n}</text>")
        parts.append(_tick(x, base, i * 10))
    parts.append(_tick(10 + BINS * bar_w, base, 100))
    parts.append(f"<text x='{width - 10}' y='{height - 2}' text-anchor='end' font-size='10' "
                 f"fill='#555'>{axis}</text></svg>")
    return "".join(parts)


def _tick(x: float, base: float, percent: int) -> str:
    return (f"<line x1='{x:.1f}' y1='{base}' x2='{x:.1f}' y2='{base + 3}' stroke='#555'/>"
            f"<text x='{x:.1f}' y='{base + 14}' text-anchor='middle' font-size='10' "
            f"fill='#333'>{percent}%</text>")


def share_bar(share: float | None, color: str = BAR) -> str:
    """A percentage with a small bar behind it, for table cells."""
    if share is None:
        return "—"
    width = max(0.0, min(1.0, share)) * 100
    return (f"<span class='bar'><span style='width:{width:.0f}%;background:{color}'></span>"
            f"</span> {round(share * 100)}%")


def picks(items: Sequence[tuple[str, float, bool]]) -> str:
    """Chosen labels as chips with percentages; the key in green with ✓."""
    return " ".join(
        f"<span class='chip{' key' if key else ''}'>{'✓ ' if key else ''}{esc(label)} "
        f"{round(share * 100)}%</span>" for label, share, key in items)


def hbars(items: Sequence[tuple[str, float, bool]]) -> str:
    """Horizontal percentage bars, one per chosen label (polls, distributions)."""
    rows = []
    for label, share, key in items:
        rows.append(f"<div class='hrow'><span class='hlabel'>{esc(label)}</span>"
                    f"<span class='hbar'><span style='width:{share * 100:.0f}%;background:"
                    f"{KEY if key else BAR}'></span></span><span class='hval'>"
                    f"{round(share * 100)}%</span></div>")
    return "".join(rows)
