"""The life of an activity in a live workshop, in one place for the store, controllers and views.

waiting → open → closed → revealed. The instructor may also reopen a closed activity, take an
open one back to waiting, and take a revealed one back to closed. Only the instructor moves it.
Polls and drafting have nothing to reveal as an answer: their third step is 公布结果.
"""

from __future__ import annotations

from enum import StrEnum

from kit.i18n import N_


class Phase(StrEnum):
    WAITING = "waiting"
    OPEN = "open"
    CLOSED = "closed"
    REVEALED = "revealed"


MOVES: frozenset[tuple[Phase, Phase]] = frozenset({
    (Phase.WAITING, Phase.OPEN), (Phase.OPEN, Phase.CLOSED), (Phase.CLOSED, Phase.REVEALED),
    (Phase.CLOSED, Phase.OPEN), (Phase.OPEN, Phase.WAITING), (Phase.REVEALED, Phase.CLOSED),
})

NAMES = {Phase.WAITING: N_("未开始"), Phase.OPEN: N_("进行中"), Phase.CLOSED: N_("已关闭"),
         Phase.REVEALED: N_("已公布")}


def parse(value: str | None) -> Phase:
    """A phase read from the store; anything unknown counts as waiting."""
    try:
        return Phase(value or Phase.WAITING)
    except ValueError:
        return Phase.WAITING


def allowed(current: Phase, new: Phase) -> bool:
    return (current, new) in MOVES


def moves_from(current: Phase) -> frozenset[Phase]:
    return frozenset(new for old, new in MOVES if old == current)


REVEAL = {"classify": N_("公布答案"), "quiz": N_("公布答案"), "poll": N_("公布结果"),
          "peer_review": N_("公布互评结果")}
"""What revealing means for each kind; drafting has nothing to reveal (marked for the
catalogue: the console translates the labels where it shows them)."""


def actions(kind: str, current: Phase) -> tuple[tuple[Phase, str], ...]:
    """The instructor's buttons for an activity of ``kind`` in ``current``, in plain words."""
    if current == Phase.WAITING:
        return ((Phase.OPEN, N_("开放作答")),)
    if current == Phase.OPEN:
        return ((Phase.CLOSED, N_("结束作答")), (Phase.WAITING, N_("撤回")))
    if current == Phase.CLOSED:
        reveal = ((Phase.REVEALED, REVEAL[kind]),) if kind in REVEAL else ()
        return ((Phase.OPEN, N_("重新开放")), *reveal)
    return ((Phase.CLOSED, N_("收回公布")),)
