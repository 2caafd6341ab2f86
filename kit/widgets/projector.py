"""The projector page: readable from the back row, anonymous, following the instructor.

Before an activity: the join code in very large type, a QR code of the trainee page with the code
filled in, and how many have joined. Then one question at a time with a big chart (share per
label in %, the key marked after reveal even at 0 picks, 正确率 on every graded chart), poll
results, the showcase draft, peer-review progress, and the countdown.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import ipywidgets as W

from kit.content import Course, Template
from kit.content.rubric_models import DraftActivity, PeerReviewActivity
from kit.htmlcharts import bars
from kit.i18n import N_, _
from kit.logic.pacing import countdown
from kit.logic.phases import NAMES, Phase
from kit.logic.questions import for_activity
from kit.state.projector import ProjectorState
from kit.widgets._base import View, esc
from kit.widgets.board import by_question, checker_html, question_html, summary_html
from kit.widgets.course_map import kind_name
from kit.widgets.draft_text import draft_html
from kit.widgets.roleplay_board import board_html

INVALID = (N_("<div class='kit-card kit-big' role='alert'>投屏链接无效或已失效。请在讲师控制台"
           "重新生成投屏链接。</div>"))


def join_html(state: ProjectorState, qr: Callable[[str], str]) -> str:
    return (_("<div class='kit-join-screen'><div class='kit-join-code'>参与码 <b>{code}</b></div>"
              "<div class='kit-join-qr' role='img' aria-label='加入二维码'>{qr}</div>"
              "<div class='kit-join-url'>{join_url}</div>"
              "<div class='kit-join-count' role='status'>已加入 <b>{joined}</b> 人</div>"
              "</div>").format(
                code=esc(state.code), qr=qr(state.join_url), join_url=esc(state.join_url),
                joined=state.joined))


class ProjectorPage(View):
    def __init__(self, course: Course, qr: Callable[[str], str],
                 top: tuple[W.Widget, ...] = ()) -> None:
        self.course, self.qr, self.top = course, qr, top
        self.bar, self.body = W.HTML(), W.HTML()
        self.state = ProjectorState()
        super().__init__([*top, self.bar, self.body])
        self.add_class("kit-projector")

    def render(self, state: ProjectorState) -> None:
        self.state = state
        if state.screen == "invalid":
            return self._set(self.body, _(INVALID))
        if state.screen != "live":
            return self._set(self.body, _("<div class='kit-card'>正在连接……</div>"))
        self.tick()
        if state.activity is None or state.activity.phase == Phase.WAITING:
            return self._set(self.body, join_html(state, self.qr))
        return self._set(self.body, self._activity(state))

    def tick(self, now: float | None = None) -> None:
        s = self.state
        left = countdown(s.timer.end, now or time.time(), s.timer.paused_left)
        paused = _("(已暂停)") if s.timer.paused_left is not None else ""
        timer = (f"<span class='kit-timer' role='timer'>⏱ {left}{paused}</span>"
                 if left else "")
        message = f"<div class='kit-banner'>📢 {esc(s.message)}</div>" if s.message else ""
        self._set(self.bar, _("<div class='kit-projector-bar'><span>{title}</span><span>"
                              "参与码 <b>{code}</b> · 已加入 {joined} 人</span>{timer}</div>"
                              "{message}").format(
                                title=esc(s.title), code=esc(s.code), joined=s.joined, timer=timer,
                                message=message))

    def _activity(self, s: ProjectorState) -> str:
        row = s.activity
        assert row is not None
        head = (f"<div class='kit-projector-title'>{esc(row.title)}"
                f"<small>{esc(kind_name(row.kind))} · {_(NAMES[row.phase])}</small></div>")
        if row.kind in ("classify", "quiz", "poll") and s.board is not None:
            return head + self._question(s)
        if row.kind == "roleplay" and s.board is not None:
            scenario = self.course.scenarios[
                self.course.activity(row.activity_id).scenario]  # type: ignore[union-attr]
            return head + board_html(scenario, s.board.plays, s.board.groups, s.joined)
        return head + self._drafts(s)

    def _question(self, s: ProjectorState) -> str:
        assert s.board is not None and s.activity is not None
        questions = for_activity(self.course, s.activity.activity_id)
        index = max(0, min(s.focus, len(questions) - 1))
        q = questions[index]
        answers = by_question(s.board).get(q.id, [])
        revealed = s.board.phase == Phase.REVEALED
        where = _("<div class='kit-where'>第 {n} / {n2} 题</div>").format(
                    n=index + 1, n2=len(questions))
        return (where + question_html(q, answers, revealed, s.joined)
                + checker_html(self.course, s.activity.activity_id, q, answers, revealed)
                + summary_html(questions, s.board))

    def _drafts(self, s: ProjectorState) -> str:
        board = s.board
        parts = []
        if board is not None and board.reviews:
            counts = {s.labels.get(a, _("方案")): sum(1 for r in board.reviews if r.author == a)
                      for a in board.drafts}
            head = _("<div class='kit-card'><b>互评进度</b>:已完成 {n} 份评审").format(
                n=len(board.reviews))
            parts.append(head + bars(counts, {}, total=max(counts.values(), default=0) or 1)
                         + "</div>")
        elif board is not None:
            parts.append(_("<div class='kit-card kit-big'>已提交方案 <b>{n}</b>"
                           " 份 / 已加入 {joined} 人</div>").format(
                             n=len(board.drafts), joined=s.joined))
        if s.showcase is not None:
            template = self._template(s)
            if template is not None:
                parts.append(draft_html(template, s.showcase.sections, s.showcase.label))
        return "".join(parts)

    def _template(self, s: ProjectorState) -> Template | None:
        assert s.activity is not None
        act = self.course.activity(s.activity.activity_id)
        draft = self.course.activity(act.of if isinstance(act, PeerReviewActivity) else act.id)
        return self.course.templates[draft.template] if isinstance(draft, DraftActivity) else None

    @staticmethod
    def _set(widget: W.HTML, value: str) -> None:
        if widget.value != value:
            widget.value = value
