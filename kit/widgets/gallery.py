"""The designers' preview: every case, quiz item, poll, rubric and role-play scenario as
trainees see it, with the answer key and explanations, filters, and two lists (content no
activity uses; activities whose time limit is short for what they ask). A scenario can be
played as in self-study. Takes the course; no store, no live session."""

from __future__ import annotations

import ipywidgets as W

from kit.content import Course
from kit.i18n import N_, _, title_of
from kit.logic import catalog
from kit.logic.catalog import DIFFICULTY, KINDS, Entry
from kit.logic.coverage import KINDS as UNUSED_KINDS
from kit.logic.coverage import unused, uses
from kit.logic.questions import Question, from_case, from_item
from kit.logic.time_budget import (
    DECISION_SECONDS,
    READ_CHARS_PER_MINUTE,
    RULE,
    short_activities,
)
from kit.state.common import Done
from kit.widgets._base import Notice, View, error_boundary, esc, replace_children
from kit.widgets.gallery_cards import entry_html
from kit.widgets.question import QuestionCard
from kit.widgets.roleplay import RoleplayView

ANY = N_("全部")
STYLE = ("<style>.kit-gallery{max-width:960px}"
         ".kit-gallery-meta{color:#57606a;font-size:.9em;margin-top:12px}"
         ".kit-gallery-rubric td,.kit-gallery-rubric th{border:1px solid #d0d7de;padding:4px;"
         "vertical-align:top}.kit-gallery-rubric{border-collapse:collapse}</style>")


def rule_text() -> str:
    return _(RULE).format(chars=READ_CHARS_PER_MINUTE, seconds=DECISION_SECONDS)


def checks_html(course: Course) -> str:
    found = unused(course)
    rows = "".join(f"<li>{esc(_(UNUSED_KINDS[u.kind]))} {esc(u.id)}:{esc(u.title)}</li>"
                   for u in found)
    short = short_activities(course)
    tight = "".join(_("<li>模块 {module} · {title}({activity_id}):"
                      "{items} 条、{decisions} 个作答决定,约需 {needed_min:.1f} 分钟,"
                      "时限 {limit_min} 分钟</li>").format(
                        module=n.module, title=esc(n.title), activity_id=esc(n.activity_id),
                        items=n.items, decisions=n.decisions, needed_min=n.needed_min,
                        limit_min=n.limit_min) for n in short)
    return (_("<div class='kit-card'><b>时限偏短的活动({n})</b>"
              "<div><small>{rule}</small></div>").format(n=len(short), rule=esc(rule_text()))
            + (f"<ul>{tight}</ul>" if tight else _("<div>没有时限偏短的活动。</div>"))
            + _("<details><summary><b>没有活动使用的内容({n})</b></summary><ul>{rows}</ul>"
                "</details></div>").format(n=len(found), rows=rows))


class Gallery(View):
    def __init__(self, course: Course) -> None:
        self.course = course
        self.everything = catalog.entries(course)
        self.uses = uses(course)
        self.shown: tuple[Entry, ...] = ()
        self.module = W.Dropdown(description=_("模块"), options=[(_(ANY), None)] + [
            (f"{m.number}. {title_of(m)}", m.number) for m in course.modules])
        self.kind = W.Dropdown(description=_("类型"), options=[(_(ANY), None)] + [
            (_(name), kind) for kind, name in KINDS.items()])
        self.difficulty = W.Dropdown(description=_("难度"), options=[(_(ANY), None)] + [
            (_(name), level) for level, name in DIFFICULTY.items()])
        for box in (self.module, self.kind, self.difficulty):
            box.observe(lambda _: self.refresh(), "value")
        self.count, self.cards, self.notice = W.HTML(), W.HTML(), Notice()
        self.pick = W.Dropdown(description=_("试答"), layout=W.Layout(width="auto"))
        self.try_button = W.Button(description=_("以学员视角试答"), button_style="primary")
        self.try_button.on_click(lambda _: self.try_out())
        self.stage = W.VBox()
        self.header = W.HTML(STYLE + _("<p><small>本页含参考答案,仅供课程设计人员核对内容。"
                                     "</small></p>"))
        self.checks = W.HTML(checks_html(course))
        wrap = W.Layout(flex_flow="row wrap")
        self.filters = W.HBox([self.module, self.kind, self.difficulty], layout=wrap)
        self.tools = W.HBox([self.pick, self.try_button, self.notice], layout=wrap)
        super().__init__([self.header, self.checks, self.filters, self.tools, self.stage,
                          self.count, self.cards])
        self.add_class("kit-gallery")
        self.refresh()

    def filter(self, module: int | None = None, kind: str | None = None,
               difficulty: int | None = None) -> None:
        """Choose filters as a designer would (tests drive this path)."""
        with self.hold_trait_notifications():
            self.module.value, self.kind.value = module, kind
            self.difficulty.value = difficulty
        self.refresh()

    def refresh(self) -> None:
        self.shown = catalog.select(self.everything, self.module.value, self.kind.value,
                                    self.difficulty.value)
        note = _("(难度只适用于案例)") if self.difficulty.value else ""
        self.count.value = _('<b>共 {n} 条</b>{note}').format(n=len(self.shown), note=note)
        self.cards.value = "".join(entry_html(self.course, e, self.uses) for e in self.shown)
        options = [(f"{_(KINDS[e.kind])} {e.id}:{e.title[:30]}", e.id)
                   for e in self.shown if e.kind != "rubric"]
        self.pick.options = options
        self.pick.value = options[0][1] if options else None

    def question(self, entry_id: str) -> Question:
        entry = next(e for e in self.everything if e.id == entry_id and e.kind != "rubric")
        if entry.kind in ("quiz", "poll"):
            pool = self.course.quizzes if entry.kind == "quiz" else self.course.polls
            return from_item(pool[entry_id])
        case = self.course.cases[entry_id]
        dims = tuple(d for d in self.course.taxonomy.dimensions if d.id in case.key)
        return from_case(case, dims)

    @error_boundary
    def try_out(self) -> None:
        """Show the picked entry as the trainee's own card; submitting reveals the feedback."""
        if self.pick.value is None:
            self.notice.show(_("请先在筛选结果中选一道题"), "error")
            return
        self.notice.show("")
        if self._kind(self.pick.value) == "scenario":
            replace_children(self.stage, (RoleplayView(self.course.scenarios[self.pick.value]),))
            return
        card = QuestionCard(self.question(self.pick.value), lambda _: None, self._submitted)
        replace_children(self.stage, (card,))

    def _kind(self, entry_id: str) -> str:
        return next((e.kind for e in self.shown if e.id == entry_id), "")

    @staticmethod
    def _submitted(card: QuestionCard, done: Done) -> None:
        """As in self-study: the trainee's feedback right after submitting."""
        card.reveal()
        done()
