"""Drafting a handling plan: the case, then one text area per template section.

Character counts as you type, rule hints from the content's rule set, a completeness check
before submit, resubmit until the activity closes. For a group draft, a conflict with another
member's save shows both texts (:mod:`kit.widgets.group_conflict`); nothing is lost.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import ipywidgets as W

from kit.content import Course
from kit.content.rubric_models import DraftActivity
from kit.i18n import _, title_of
from kit.logic import rules
from kit.logic.drafting import completeness, section_count
from kit.logic.phases import Phase
from kit.logic.questions import from_case
from kit.logic.text import DRAFT_MAX, InputProblem, clean_text
from kit.state.activity import ActivityState
from kit.state.common import Done, Note
from kit.state.drafting import GroupState
from kit.state.events import GroupEvents, WorkEvents
from kit.widgets._base import ActionButton, Notice, View, error_boundary, esc
from kit.widgets.group_conflict import GroupConflict
from kit.widgets.hints import hints_html
from kit.widgets.question import card_html
from kit.widgets.saved import SavedMark


class DraftView(View):
    def __init__(self, course: Course, activity_id: str, events: WorkEvents | None = None,
                 group_events: GroupEvents | None = None,
                 saved: Mapping[str, Any] | None = None) -> None:
        act = course.activity(activity_id)
        assert isinstance(act, DraftActivity)
        self.activity_id, self.events, self.solo = activity_id, events or WorkEvents(), not events
        self.group_events = group_events or GroupEvents()
        self.template, self.case = course.templates[act.template], course.cases[act.cases[0]]
        self.item_id = self.case.id
        self.areas = {s.id: W.Textarea(placeholder=s.guidance, layout=W.Layout(
            width="100%", height="90px")) for s in self.template.sections}
        self.counts = {s.id: W.HTML() for s in self.template.sections}
        self.rulesets = course.rules_for(self.template.id)
        self.hints, self.mark = W.HTML(), SavedMark()
        self.conflict = GroupConflict(self.template, self.fill, lambda: self.sections,
                                      self.item_id, self.group_events)
        self.notice, self._note = Notice(), Note()
        self.submit_button = ActionButton(_("提交方案"), self._submit, button_style="primary")
        self._group: GroupState | None = None
        super().__init__([W.HTML(f"<h3>{esc(title_of(act))}</h3>"),
                          W.HTML(card_html(from_case(self.case, ()))), *self._sections(),
                          self.hints, W.HBox([self.submit_button, self.notice], layout=W.Layout(
                              flex_flow="row wrap", align_items="center")),
                          self.mark, self.conflict])
        self.add_class("kit-activity")
        self.fill(dict(saved or {}).get(self.item_id, {}).get("sections", {}))
        for sid, area in self.areas.items():
            area.observe(lambda _, sid=sid: self._typed(sid), "value")

    def _sections(self) -> list[W.Widget]:
        return [W.VBox([W.HTML(f"<b>{i}. {esc(s.title)}</b> <small>{esc(s.guidance)}</small>"),
                        self.areas[s.id], self.counts[s.id]])
                for i, s in enumerate(self.template.sections, 1)]

    def fill(self, sections: Mapping[str, str]) -> None:
        for sid, text in sections.items():
            if sid in self.areas:
                self.areas[sid].value = text
        for sid in self.areas:
            self._count(sid)
        self.update_hints()

    @property
    def sections(self) -> dict[str, str]:
        return {sid: area.value for sid, area in self.areas.items()}

    def _payload(self) -> dict[str, Any]:
        base = {"base": self._group.base} if self._group is not None else {}
        return {"sections": self.sections, **base}

    @error_boundary
    def _typed(self, sid: str) -> None:
        self._count(sid)
        self.update_hints()
        self.events.change(self.item_id, self._payload())

    def _count(self, sid: str) -> None:
        section = next(s for s in self.template.sections if s.id == sid)
        n = section_count(self.areas[sid].value)
        need = _(" / 至少 {min_chars} 字").format(
                   min_chars=section.min_chars) if section.min_chars else ""
        css = "kit-error" if n > DRAFT_MAX or n < section.min_chars else ""
        value = _('<small class="{css}">{n:,} 字{need}(上限 {DRAFT_MAX:,})</small>').format(
                    css=css, n=n, need=need, DRAFT_MAX=DRAFT_MAX)
        if self.counts[sid].value != value:
            self.counts[sid].value = value

    def update_hints(self) -> list[rules.Finding]:
        """Rule hints from the content's rule set, each naming its rule and source."""
        found = rules.check(self.rulesets, self.sections)
        value = hints_html(found, {s.id: s.title for s in self.template.sections})
        if self.hints.value != value:
            self.hints.value = value
        return found

    def submit(self) -> None:
        """Tap 提交方案, as a person would."""
        self.submit_button.press()

    @error_boundary
    def _submit(self, done: Done) -> None:
        try:
            texts = {sid: clean_text(text) for sid, text in self.sections.items()}
        except InputProblem as exc:
            self.notice.show(str(exc), "error")
            return done()
        missing = completeness(self.template, texts)
        self.update_hints()
        if missing:
            self.notice.show(_("还不完整:") + ";".join(missing), "error")
            return done()
        if self.solo:
            self.notice.show(_("方案已完成(自学模式不保存)。"), "ok")
            return done()
        self.events.submit(self.item_id, {"sections": texts}, done)
        return None

    def render(self, state: ActivityState) -> None:
        open_ = state.phase == Phase.OPEN
        for area in self.areas.values():
            area.disabled = not open_
        self.submit_button.allow(open_)
        note = state.notes.get(self.item_id)
        if not open_:
            note = Note(_("本活动已关闭,您提交的方案已保存。"), "info")
        if note is not None and note != self._note:
            self._note = note
            self.notice.note(note)
        self.mark.render(state.saved_at, state.unsaved)
        if state.group != self._group:
            self._group = state.group
            self._render_group(state.group)

    def _render_group(self, group: GroupState | None) -> None:
        self.conflict.render(group)

    def load_theirs(self) -> None:
        """Take the other member's version into the editor (their text stays shown)."""
        self.conflict.load_theirs()
