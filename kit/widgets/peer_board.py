"""The instructor's view of drafts and peer review: progress, scores, reliability, flags.

Drafts appear as 方案 #n and reviewers as 学员 #n unless the instructor asks for names.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as W

from kit.content import Course
from kit.logic.peer import deviation, medians, reliability
from kit.store import Store, participants, peer, work
from kit.widgets._base import Notice, error_boundary, esc
from kit.widgets.draft_text import draft_html


class PeerBoard(W.VBox):
    def __init__(self, course: Course, activity_id: str, store: Store, workshop_id: int) -> None:
        act = course.activity(activity_id)
        self.course, self.store, self.workshop_id = course, store, workshop_id
        self.activity_id = activity_id
        self.review = act if act.kind == "peer_review" else None
        self.draft_id = act.of if act.kind == "peer_review" else act.id
        draft_act = course.activity(self.draft_id)
        self.template = course.templates[draft_act.template]  # type: ignore[union-attr]
        self.names = W.Checkbox(description="显示姓名", value=False, indent=False)
        self.pick = W.Dropdown(description="投屏方案", options=[])
        self.pick.observe(lambda _: self.project(), "value")
        self.shown, self.notice = W.HTML(), Notice()
        self.summary, self.scores, self.reliab, self.flags = W.HTML(), W.HTML(), W.HTML(), W.HTML()
        self.override_box = self._override_box() if self.review else W.HBox()
        super().__init__([W.HTML(f"<h3>{esc(act.title)}</h3>"), self.names, self.summary,
                          self.scores, self.reliab, self.flags, self.override_box, self.notice,
                          self.pick, self.shown])
        self.revealed = False

    def label(self, pid: int, kind: str = "方案") -> str:
        if self.names.value:
            return self._people.get(pid, str(pid))
        return f"{kind} #{self._order.get(pid, 0)}"

    def refresh(self) -> int:
        subs = work.latest(self.store, self.workshop_id, self.draft_id)
        self._drafts = {s.participant_id: s.payload.get("sections", {}) for s in subs}
        people = participants.roster(self.store, self.workshop_id)
        self._people = {p.id: p.name for p in people}
        self._order = {pid: i for i, pid in enumerate(sorted(self._drafts), 1)}
        options = [(self.label(a), a) for a in sorted(self._drafts)]
        if list(self.pick.options) != options:
            self.pick.options = options
        if self.review is None:
            self.summary.value = f"<div class='kit-card'>已提交方案 <b>{len(subs)}</b> 份</div>"
            return len(subs)
        self._peer_tables()
        return len(subs)

    def _peer_tables(self) -> None:
        assert self.review is not None
        got = peer.all_reviews(self.store, self.workshop_id, self.review.id)
        per = {a: [s for _, _, au, s, _, _ in got if au == a] for a in self._drafts}
        fixed = peer.overridden(self.store, self.workshop_id, self.review.id)
        crit = self.course.rubrics[self.review.rubric].criteria
        self.summary.value = (f"<div class='kit-card'>方案 <b>{len(self._drafts)}</b> 份,"
                              f"评审 <b>{len(got)}</b> 份;每份方案的评审数:"
                              + "、".join(f"{esc(self.label(a))} {len(v)}" for a, v in per.items())
                              + "</div>")
        head = "".join(f"<th>{esc(c.name)}</th>" for c in crit)
        rows = ""
        for a, scores in per.items():
            med = medians(scores)
            cells = "".join(f"<td>{fixed.get((a, c.id), med.get(c.id, '—'))}"
                            f"{'*' if (a, c.id) in fixed else ''}</td>" for c in crit)
            rows += f"<tr><th>{esc(self.label(a))}</th>{cells}</tr>"
        self.scores.value = (f"<b>成绩表</b>(中位数,* 为讲师改判)<table><tr><th></th>{head}</tr>"
                             f"{rows}</table>")
        self._reliability(got)

    def _reliability(self, got: list[Any]) -> None:
        assert self.review is not None
        ex = self.course.exemplars
        calib: dict[int, float] = {}
        for pid, eid, scores in peer.calibration_scores(self.store, self.review.id):
            dev = deviation(scores, {k: float(v) for k, v in ex[eid].scores.items()})
            if dev is not None:
                calib[pid] = dev
        rel = reliability([(r, a, s) for _, r, a, s, _, _ in got], calib)
        rows = "".join(f"<tr><td>{esc(self.label(r.reviewer, '学员'))}</td><td>{r.reviews}</td>"
                       f"<td>{_n(r.from_consensus)}</td><td>{_n(r.from_key)}</td></tr>"
                       for r in rel)
        self.reliab.value = ("<b>评审者可靠性</b>(平均偏差,越小越好)<table><tr><th>评审者</th>"
                             f"<th>评审数</th><th>与共识</th><th>与校准答案</th></tr>{rows}</table>")
        flagged = [(a, c, f) for _, _, a, _, c, f in got if f]
        self.flags.value = ("<b>被标记的评审</b><ul>" + "".join(
            f"<li>{esc(self.label(a))}:{esc(c)}({'不恰当' if f == 'inappropriate' else '没有帮助'})"
            "</li>" for a, c, f in flagged) + "</ul>") if flagged else ""

    def project(self) -> None:
        author = self.pick.value
        sections = self._drafts.get(author, {}) if author is not None else {}
        label = self.label(author) if author is not None else ""
        self.shown.value = draft_html(self.template, sections, label) if sections else ""

    def _override_box(self) -> W.HBox:
        assert self.review is not None
        crit = self.course.rubrics[self.review.rubric]
        options = [(c.name, c.id) for c in crit.criteria]
        self.o_crit = W.Dropdown(description="标准", options=options)
        self.o_score = W.Dropdown(description="改判为", options=list(crit.scores))
        go = W.Button(description="改判所选方案")
        go.on_click(lambda _: self.override())
        return W.HBox([self.o_crit, self.o_score, go])

    @error_boundary
    def override(self) -> None:
        assert self.review is not None
        if self.pick.value is None:
            self.notice.show("请先在“投屏方案”中选择方案", "error")
            return
        peer.override(self.store, self.workshop_id, self.review.id, self.pick.value,
                      self.o_crit.value, int(self.o_score.value))
        self.notice.show("已改判并记录。", "ok")
        self.refresh()


def _n(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"
