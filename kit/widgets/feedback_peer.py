"""What authors see after reveal: median score per criterion, the comments, a flag button."""

from __future__ import annotations

import ipywidgets as W

from kit.content import Course
from kit.live.seat import Seat
from kit.logic.peer import medians
from kit.store import peer
from kit.widgets._base import Notice, error_boundary, esc

FLAGS = (("unhelpful", "没有帮助"), ("inappropriate", "不恰当"))


class PeerFeedback(W.VBox):
    def __init__(self, course: Course, activity_id: str, seat: Seat) -> None:
        self.seat, self.activity_id = seat, activity_id
        act = course.activity(activity_id)
        rubric = course.rubrics[act.rubric]  # type: ignore[union-attr]
        author = peer.draft_author(seat.store, seat.workshop_id, act.of,  # type: ignore[union-attr]
                                   seat.participant_id, seat.group_no())
        self.author = author
        got = peer.received(seat.store, activity_id, author)
        fixed = peer.overridden(seat.store, seat.workshop_id, activity_id)
        med = medians([s for _, s, _ in got])
        rows = "".join(
            f"<li>{esc(c.name)}:"
            + (f"{fixed[(author, c.id)]}(讲师评定)"
               if (author, c.id) in fixed else f"{med.get(c.id, '—')}")
            + "</li>" for c in rubric.criteria)
        self.notice = Notice()
        items = [W.HTML(f"<div class='kit-card'><b>您的方案收到 {len(got)} 份评审</b>"
                        f"(各标准中位数)<ul>{rows}</ul></div>"), self.notice]
        for n, (rid, _, comment) in enumerate(got, 1):
            buttons = [self._flag_button(rid, kind, text) for kind, text in FLAGS]
            items.append(W.HBox([W.HTML(f"评审 {n}:{esc(comment)}"), *buttons]))
        super().__init__(items)

    def _flag_button(self, review_id: int, kind: str, text: str) -> W.Button:
        button = W.Button(description=f"标记为{text}", layout=W.Layout(width="auto"))
        button.on_click(lambda _: self.flag(review_id, kind))
        return button

    @error_boundary
    def flag(self, review_id: int, kind: str) -> None:
        peer.flag(self.seat.store, review_id, self.author, kind)
        self.notice.show("已标记,讲师会看到这条评审。", "ok")
