"""Offline charts as plain HTML and CSS: readable on a projector, nothing to download."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from kit.htmltext import esc

BAR = ('<div style="display:flex;align-items:center;margin:2px 0;font-size:18px">'
       '<div style="width:11em;text-align:right;padding-right:8px">{label}</div>'
       '<div style="background:{color};height:22px;width:{width}%;min-width:2px"></div>'
       '<div style="padding-left:6px">{count}</div></div>')


def bars(counts: Mapping[str, int], names: Mapping[str, str], key: Sequence[str] = ()) -> str:
    """Horizontal bars, one per label; key labels in green once revealed."""
    top = max(counts.values(), default=0) or 1
    rows = [BAR.format(label=esc(names.get(code, code)), count=n,
                       width=round(80 * n / top), color="#12b76a" if code in key else "#2e90fa")
            for code, n in counts.items()]
    return "".join(rows)


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"


def matrix(cells: Mapping[tuple[str, str], int], names: Mapping[str, str]) -> str:
    """A confusion table: rows are key labels, columns what the class chose."""
    rows = sorted({k for k, _ in cells})
    cols = sorted({c for _, c in cells})
    head = "".join(f"<th>{esc(names.get(c, c))}</th>" for c in cols)
    body = "".join(
        f"<tr><th>{esc(names.get(r, r))}</th>"
        + "".join(f"<td style='text-align:center'>{cells.get((r, c), '')}</td>" for c in cols)
        + "</tr>" for r in rows)
    return (f"<table style='border-collapse:collapse;font-size:15px'><tr><th>答案＼选择</th>"
            f"{head}</tr>{body}</table>")
