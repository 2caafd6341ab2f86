"""Offline charts as plain HTML and CSS: readable on a projector, nothing to download.

Every bar says its share in % and its count in text; after reveal the key is marked with ✔
and the word 答案, also when nobody chose it (colour is never the only signal).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from kit.htmltext import esc
from kit.i18n import N_, _

BAR = N_('<div class="kit-bar{cls}"><div class="kit-bar-label">{label}</div>'
       '<div class="kit-bar-track"><span style="width:{width}%"></span></div>'
       '<div class="kit-bar-value">{share}({count} 人)</div></div>')


def bars(counts: Mapping[str, int], names: Mapping[str, str], key: Sequence[str] = (),
         total: int | None = None, order: Sequence[str] = ()) -> str:
    """One bar per label in ``order`` (else as counted); ``total`` is who answered."""
    codes = list(order) or list(counts)
    codes += [c for c in counts if c not in codes]
    n = total if total is not None else sum(counts.values())
    rows = []
    for code in codes:
        count = counts.get(code, 0)
        if count == 0 and code not in key:
            continue  # no zero-pick clutter, except the key itself
        share = count / n if n else 0.0
        label = esc(names.get(code, code)) + (_(" <b>✔ 答案</b>") if code in key else "")
        rows.append(_(BAR).format(cls=" kit-key" if code in key else "", label=label,
                               width=round(100 * share), share=f"{share:.0%}", count=count))
    return "".join(rows) or _("<div class='kit-quiet'>还没有人作答。</div>")


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
    return ("<table class='kit-table'><tr><th>" + _("答案＼选择") + "</th>"
            f"{head}</tr>{body}</table>")
