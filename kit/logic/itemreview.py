"""Which items a course designer should look at again, and why. Pure.

An item is judged only from 10 respondents on. Flags, most urgent first:
1. **possible wrong key**: more of the upper group chose a label outside the key than chose the
   key's least-chosen label (and at least 30 % of them did);
2. **negative discrimination**: D < 0, the strong get it wrong more often than the weak;
3. **low agreement** (a dimension, not an item): trainees' κ/α below 0.40;
4. **everyone right**: p ≥ 0.95, it tells nobody apart;
5. **weak discrimination**: 0 ≤ D < 0.20 (Ebel's "poor").
"""

from __future__ import annotations

from dataclasses import dataclass

from kit.i18n import _
from kit.logic.agreement import fmt
from kit.logic.itemstats import ItemStats

MIN_N = 10
WRONG_KEY_FLOOR = 0.30
EASY = 0.95
WEAK_D = 0.20
LOW_AGREEMENT = 0.40  # where kit.logic.agreement.reading says 低


@dataclass(frozen=True)
class Flag:
    kind: str
    """wrong_key | negative | low_agreement | everyone_right | weak"""
    rank: int
    reason: str


def _pct(value: float) -> str:
    return f"{round(value * 100)}%"


def _wrong_key(s: ItemStats, names: dict[str, str]) -> Flag | None:
    keys = [o for o in s.options if o.key]
    if not keys:
        return None
    weakest = min(keys, key=lambda o: o.upper)
    rivals = [o for o in s.options if not o.key and o.upper >= WRONG_KEY_FLOOR
              and o.upper > weakest.upper]
    if not rivals:
        return None
    top = max(rivals, key=lambda o: o.upper)
    return Flag("wrong_key", 1, _(
        "高分组选「{rival}」的({rival_share})多于选答案「{key}」的({key_share}):答案可能标错,请核对"
    ).format(rival=names.get(top.code, top.code), rival_share=_pct(top.upper),
             key=names.get(weakest.code, weakest.code), key_share=_pct(weakest.upper)))


def item_flags(s: ItemStats, names: dict[str, str]) -> list[Flag]:
    """The flags one item earns; none below 10 respondents."""
    if s.n < MIN_N or s.difficulty is None:
        return []
    out = [f for f in (_wrong_key(s, names),) if f]
    d = s.discrimination
    if d is not None and d < 0 and not out:
        out.append(Flag("negative", 2, _("区分度为负(D = {d}):高分组答对的反而更少,请核对题目与答案"
                                         ).format(d=fmt(d))))
    if s.difficulty >= EASY:
        out.append(Flag("everyone_right", 4, _("几乎人人答对({share}),区分不出掌握程度").format(
            share=_pct(s.difficulty))))
    elif d is not None and 0 <= d < WEAK_D:
        out.append(Flag("weak", 5, _("区分度低(D = {d}),对掌握程度的区分作用弱").format(d=fmt(d))))
    return out


def agreement_flag(method: str, value: float | None, answers: int) -> Flag | None:
    if value is None or answers < MIN_N or value >= LOW_AGREEMENT:
        return None
    text = _("学员之间一致性低({method} {value}):案例或标签的界定可能有歧义")
    return Flag("low_agreement", 3, text.format(method=method, value=fmt(value)))
