"""What authors see after reveal: the score per criterion, the comments, a flag button."""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as W

from kit.i18n import N_, _
from kit.state.common import Done
from kit.state.review import Comment, Feedback
from kit.widgets._base import ActionButton, Notice, View, esc

FLAGS = (("unhelpful", N_("没有帮助")), ("inappropriate", N_("不恰当")))


class PeerFeedback(View):
    def __init__(self, feedback: Feedback, on_flag: Callable[[int, str, Done], None]) -> None:
        self._on_flag = on_flag
        rows = "".join(f"<li>{esc(c.name)}:{esc(c.value)}"
                       + (_("(讲师评定)") if c.by_instructor else "") + "</li>"
                       for c in feedback.criteria)
        self.notice = Notice()
        items: list[W.Widget] = [W.HTML(_("<div class='kit-card'><b>"
                                          "您的方案收到 {reviews} 份评审</b>(各标准中位数)<ul>"
                                          "{rows}</ul></div>").format(
                                            reviews=feedback.reviews, rows=rows)),
                                 self.notice]
        for n, comment in enumerate(feedback.comments, 1):
            items.append(self._comment(n, comment))
        super().__init__(items)

    def _flagger(self, review_id: int, kind: str) -> Callable[[Done], None]:
        return lambda done: self._on_flag(review_id, kind, done)

    def _comment(self, n: int, comment: Comment) -> W.Widget:
        text = W.HTML(_("<div class='kit-comment'>评审 {n}:{text}</div>").format(
                          n=n, text=esc(comment.text)))
        if comment.flag:
            name = _(dict(FLAGS)[comment.flag]) if comment.flag in dict(FLAGS) else comment.flag
            return W.VBox([text, W.HTML(_('<small>已标记为{name}</small>').format(name=esc(name)))])
        buttons = [ActionButton(_("标记为{label}").format(label=_(label)),
                                self._flagger(comment.review_id, kind),
                                layout=W.Layout(width="auto")) for kind, label in FLAGS]
        return W.VBox([text, W.HBox(buttons, layout=W.Layout(flex_flow="row wrap"))])
