"""HTML of one previewed entry: the trainee's card (``card_html``), the feedback a trainee
sees after the reveal when answering with the key (``feedback_html``), and what only a designer
needs (id, modules, difficulty, draft, which activities use it, sources). All text escaped."""

from __future__ import annotations

from collections.abc import Mapping

from kit.content import Case, Course, Item, Rubric
from kit.content.scenario_models import CATEGORY_NAMES, Scenario
from kit.content.scenario_paths import explore, summarise
from kit.i18n import _
from kit.logic import classify
from kit.logic.catalog import DIFFICULTY, KINDS, Entry
from kit.logic.questions import Question, from_case, from_item
from kit.widgets._base import esc
from kit.widgets.feedback import feedback_html
from kit.widgets.question import card_html

Uses = Mapping[str, Mapping[str, list[str]]]
USE_KIND = {"complaint": "case", "copy": "case", "scene": "case"}


def meta_html(entry: Entry, uses: Uses) -> str:
    acts = uses.get(USE_KIND.get(entry.kind, entry.kind), {}).get(entry.id, [])
    modules = _("、").join(map(str, entry.modules))
    parts = [_(KINDS[entry.kind]), f"id {entry.id}",
             _("模块 {modules}").format(modules=modules) if entry.modules else _("未指定模块")]
    if entry.difficulty:
        parts.append(_("难度 {level}").format(level=_(DIFFICULTY[entry.difficulty])))
    used = (_("用于:{uses}").format(uses=_("、").join(acts)) if acts
            else "<b class='kit-error'>" + _("没有活动使用") + "</b>")
    draft = " <b class='kit-error'>" + _("草稿") + "</b>" if entry.draft else ""
    return (f"<div class='kit-gallery-meta'>{esc(' · '.join(parts))}{draft} · "
            f"{used if not acts else esc(used)}</div>")


def key_feedback(question: Question) -> str:
    """What the trainee sees after the reveal when their answer is the key."""
    key = {ask.id: list(ask.key or ()) for ask in question.asks}
    shown = feedback_html(question, classify.grade(question, key))
    return _("<div><small>公布答案后(按答对显示):</small>{shown}</div>").format(
               shown=shown) if shown else ""


def case_html(course: Course, case: Case) -> str:
    dims = tuple(d for d in course.taxonomy.dimensions if d.id in case.key)
    question = from_case(case, dims)
    sections = {s.id: s.title for t in course.templates.values() for s in t.sections}
    plan = "".join(f"<li><b>{esc(sections.get(k, k))}</b>:{esc(v)}</li>"
                   for k, v in case.model_plan.items())
    sources = "".join(f"<li>{esc(s)}</li>" for s in case.sources)
    return (card_html(question) + key_feedback(question)
            + (_("<details><summary>示范方案</summary><ul>{plan}</ul></details>").format(
                   plan=plan) if plan else "")
            + (_("<div><small>来源</small><ul>{sources}</ul></div>").format(
                   sources=sources) if sources else ""))


def item_html(item: Item) -> str:
    question = from_item(item)
    key = set(item.answer or ())
    options = "".join(f"<li>{'✔ ' if o.code in key else ''}{esc(o.code)}. {esc(o.text)}</li>"
                      for o in item.options)
    kind = _("多选") if item.choice == "multi" else _("单选")
    source = _("<div><small>出处:{source}</small></div>").format(
                 source=esc(item.source)) if item.source else ""
    return (card_html(question) + f"<div>{kind}<ul>{options}</ul></div>"
            + key_feedback(question) + source)


def rubric_html(rubric: Rubric) -> str:
    head = "".join(f"<th>{level.score} {esc(level.name)}</th>" for level in rubric.levels)
    rows = "".join(f"<tr><td><b>{esc(c.name)}</b></td>"
                   + "".join(f"<td>{esc(c.descriptors.get(s, ''))}</td>" for s in rubric.scores)
                   + "</tr>" for c in rubric.criteria)
    return (_("<div class='kit-card'><div class='kit-big'>{name}</div>"
              "<table class='kit-gallery-rubric'><tr><th>标准</th>{head}</tr>{rows}"
              "</table></div>").format(name=esc(rubric.name), head=head, rows=rows))


def scenario_html(sc: Scenario) -> str:
    """A scenario's card: title, category, its opening, and the paths ``kit validate`` counts."""
    summary = summarise(explore(sc))
    first = sc.node(sc.start)
    facts = _("{cat} · {nodes} 个节点、{ends} 个结局 · {paths} 条路径，最高 {best} 分，"
              "最低 {worst} 分").format(cat=_(CATEGORY_NAMES[sc.category]), nodes=len(sc.nodes),
                                      ends=len(sc.endings), paths=summary.paths,
                                      best=summary.best, worst=summary.worst)
    customer = _("<p><b>客户</b>：{line}</p>").format(line=esc(first.customer)) if first else ""
    return (f"<div class='kit-card'><div class='kit-big'>{esc(sc.title)}</div>"
            f"<div class='kit-rp-facts'>{esc(facts)}</div><p>{esc(sc.setting)}</p>"
            f"{customer}</div>")


def body_html(course: Course, entry: Entry) -> str:
    if entry.kind in USE_KIND:
        return case_html(course, course.cases[entry.id])
    if entry.kind in ("quiz", "poll"):
        pool = course.quizzes if entry.kind == "quiz" else course.polls
        return item_html(pool[entry.id])
    if entry.kind == "scenario":
        return scenario_html(course.scenarios[entry.id])
    return rubric_html(course.rubrics[entry.id])


def entry_html(course: Course, entry: Entry, uses: Uses) -> str:
    return (f"<div class='kit-gallery-entry' data-id='{esc(entry.id)}'>"
            f"{meta_html(entry, uses)}{body_html(course, entry)}</div>")
