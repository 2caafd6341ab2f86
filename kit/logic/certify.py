"""Who passes a module, and the band a certificate shows. Pure functions.

A module's pass mark (``pass_mark`` in ``data/modules.yaml``) is a percentage, compared with the
trainee's module score (0–1, :mod:`kit.reports.results`). The band printed on a certificate is
coarser than the score, so a certificate does not publish exact marks: 优秀 from 90 %, 良好 from
75 %, otherwise 合格; a band is given only at or above the pass mark.
"""

from __future__ import annotations

BANDS = ((0.90, "优秀"), (0.75, "良好"))
EPSILON = 1e-9  # 0.6 * 100 is 59.99999999999999 in floating point


def band(score: float, pass_mark: int) -> str | None:
    """The band for a module score (0–1), or ``None`` below the pass mark (a percentage)."""
    if score * 100 < pass_mark - EPSILON:
        return None
    return next((name for floor, name in BANDS if score >= floor - EPSILON), "合格")
