"""Drafting a handling plan: the case, then one text area per template section.

Character counts as you type, a completeness check before submit, autosave, resubmit until
the activity closes. Rule hints come from the content's rule set (kit.logic.rules).
"""

from __future__ import annotations

import time

import ipywidgets as W

from kit.content import Course
from kit.live.seat import Seat
from kit.logic import rules
from kit.logic.drafting import completeness, section_count
from kit.logic.questions import from_case
from kit.logic.text import DRAFT_MAX, clean_text
from kit.widgets._base import Notice, error_boundary, esc
from kit.widgets.group_draft import group_restore, group_submit
from kit.widgets.hints import hints_html
from kit.widgets.question import card_html


class DraftView(W.VBox):
    def __init__(self, course: Course, activity_id: str, seat: Seat | None) -> None:
        act = course.activity(activity_id)
        assert act.kind == "draft"
        self.activity_id, self.seat, self.phase = activity_id, seat, "open"
        self.template = course.templates[act.template]
        self.case = course.cases[act.cases[0]]
        group = seat.group_no() if (seat is not None and act.group) else None
        self.group = group
        self.item_id = f"{self.case.id}#g{group}" if group is not None else self.case.id
        self.dirty_at, self.base = 0.0, 0
        self.conflict = W.VBox()
        self.areas = {s.id: W.Textarea(placeholder=s.guidance, layout=W.Layout(width="100%",
                                       height="90px")) for s in self.template.sections}
        self.counts = {s.id: W.HTML() for s in self.template.sections}
        for sid, area in self.areas.items():
            area.observe(lambda _, sid=sid: self._typed(sid), "value")
        self.rulesets = course.rules_for(self.template.id)
        self.hints = W.HTML()
        self.notice, self.submit_button = Notice(), W.Button(description="提交方案",
                                                              button_style="primary")
        self.submit_button.on_click(lambda _: self.submit())
        super().__init__([W.HTML(f"<h3>{esc(act.title)}</h3>"),
                          W.HTML(card_html(from_case(self.case, ()))), *self._sections(),
                          self.hints, W.HBox([self.submit_button, self.notice]), self.conflict])
        self._restore()

    def _sections(self) -> list[W.Widget]:
        return [W.VBox([W.HTML(f"<b>{i}. {esc(s.title)}</b> <small>{esc(s.guidance)}</small>"),
                        self.areas[s.id], self.counts[s.id]])
                for i, s in enumerate(self.template.sections, 1)]

    def _restore(self) -> None:
        saved = self.seat.restore(self.activity_id) if self.seat else {}
        mine = saved.get(self.item_id, {})
        if self.group is not None:
            mine = group_restore(self, mine)
        self.fill(mine.get("sections", {}))
        self.dirty_at = 0.0
        for sid in self.areas:
            self._count(sid)

    def fill(self, sections: dict[str, str]) -> None:
        for sid, text in sections.items():
            if sid in self.areas:
                self.areas[sid].value = text

    @property
    def sections(self) -> dict[str, str]:
        return {sid: area.value for sid, area in self.areas.items()}

    def _typed(self, sid: str) -> None:
        self.dirty_at = time.monotonic()
        self._count(sid)

    def _count(self, sid: str) -> None:
        section = next(s for s in self.template.sections if s.id == sid)
        n = section_count(self.areas[sid].value)
        need = f" / 至少 {section.min_chars} 字" if section.min_chars else ""
        css = "kit-error" if n > DRAFT_MAX or n < section.min_chars else ""
        self.counts[sid].value = f'<small class="{css}">{n:,} 字{need}(上限 {DRAFT_MAX:,})</small>'

    def update_hints(self) -> list[rules.Finding]:
        """Rule hints from the content's rule set, each naming its rule and source."""
        found = rules.check(self.rulesets, self.sections)
        self.hints.value = hints_html(found, {s.id: s.title for s in self.template.sections})
        return found

    def flush(self, now: float | None = None, debounce: float = 1.0) -> int:
        now = now if now is not None else time.monotonic()
        if not self.dirty_at or now - self.dirty_at < debounce:
            return 0
        self.update_hints()
        if self.seat is None:
            self.dirty_at = 0.0
            return 0
        self.seat.autosave(self.activity_id, self.item_id,
                           {"sections": self.sections, "base": self.base})
        self.seat.mark(self.activity_id, "working", every=15)
        self.dirty_at = 0.0
        return 1

    @error_boundary
    def submit(self) -> None:
        texts = {sid: clean_text(text) for sid, text in self.sections.items()}
        missing = completeness(self.template, texts)
        self.update_hints()
        if missing:
            self.notice.show("还不完整:" + ";".join(missing), "error")
            return
        if self.seat is None:
            self.notice.show("方案已完成(自学模式不保存)。", "ok")
            return
        if self.group is not None:
            return group_submit(self, texts)
        sub = self.seat.submit(self.activity_id, self.item_id, {"sections": texts})
        self.seat.autosave(self.activity_id, self.item_id, {"sections": texts})
        self.dirty_at = 0.0
        self.notice.show(f"已提交(第 {sub.version} 版),关闭前仍可修改后重新提交。", "ok")

    def apply_state(self, state: str) -> None:
        self.phase = state
        for area in self.areas.values():
            area.disabled = state != "open"
        self.submit_button.disabled = state != "open"
        if state != "open":
            self.notice.show("本活动已关闭,您提交的方案已保存。", "info")
