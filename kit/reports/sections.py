"""One report section per activity, rendered from its figures. Everything typed is escaped."""

from __future__ import annotations

from kit.htmltext import esc
from kit.i18n import N_, _
from kit.logic.agreement import fmt
from kit.reports.charts import hbars, histogram, picks, share_bar
from kit.reports.figures import AskFigure, DimensionFigure, QuestionFigures
from kit.reports.peerfigures import DraftFigures, PeerFigures
from kit.reports.weakpoints import pct

KIND_NAMES = {"classify": N_("案例分类"), "quiz": N_("测验"), "poll": N_("投票"),
              "draft": N_("方案撰写"), "peer_review": N_("同伴互评"), "roleplay": N_("情景演练")}
"""Activity kind → its name (marked for the catalogue: show it through :func:`kind_name`)."""
EXCERPT = 160


def kind_name(kind: str) -> str:
    return _(KIND_NAMES[kind]) if kind in KIND_NAMES else kind


def heading(act: object, number: int) -> str:
    kind = getattr(act, "kind", "")
    intro = getattr(act, "intro", None)
    title, name = esc(getattr(act, "title", "")), esc(kind_name(kind))
    return (f"<h2>{number}. {title} <small>{name}</small></h2>"
            + (f"<p class='intro'>{esc(intro)}</p>" if intro else ""))


def _participation(joined: int, took_part: int, completed: int) -> str:
    share = took_part / joined if joined else None
    return "<p class='facts'>" + _(
        "参与 <b>{took_part}</b> / {joined} 人({share}),全部完成 <b>{completed}</b> 人。").format(
        took_part=took_part, joined=joined, share=pct(share), completed=completed) + "</p>"


def _dimensions(dims: tuple[DimensionFigure, ...]) -> str:
    rows = []
    for dim in dims:
        c = dim.confusion
        error = "—" if c is None else esc(
            _("多选「{chosen}」").format(chosen=c.chosen) if not c.key
            else _("漏选「{key}」").format(key=c.key) if not c.chosen
            else _("「{key}」判为「{chosen}」").format(key=c.key, chosen=c.chosen)
        ) + f"({pct(c.of_errors)})"
        value = "" if dim.agreement.value is None else \
            f"<small>{esc(dim.agreement.method)} {fmt(dim.agreement.value)}</small>"
        rows.append(f"<tr><td>{esc(dim.name)}</td><td class='n'>{dim.answers}</td>"
                    f"<td>{share_bar(dim.correct)}</td><td>{error}</td>"
                    f"<td class='agree {dim.reading}'>{esc(_(dim.reading))} {value}</td></tr>")
    return (_th3(N_("各维度")) + "<table><thead><tr>"
            + _ths(N_("维度"), N_("作答人次"), N_("正确率"), N_("最常见的错误(占答错)"),
                   N_("一致性"))
            + "</tr></thead><tbody>" + "".join(rows) + "</tbody></table>")


READINGS = (N_("高"), N_("中"), N_("低"), N_("不足以判断"))
"""How kit.logic.agreement reads an agreement value (shown through ``_()``)."""


def _th3(text: str) -> str:
    return f"<h3>{_(text)}</h3>"


def _ths(*names: str) -> str:
    return "".join(f"<th>{_(n)}</th>" for n in names)


def _question_cell(a: AskFigure, rows: int) -> str:
    q = a.question
    text = q.body if len(q.body) <= EXCERPT else q.body[:EXCERPT] + "…"
    title = f"<b>{esc(q.title)}</b><br>" if q.title else ""
    return f"<td rowspan='{rows}' class='q'>{title}<span class='qtext'>{esc(text)}</span></td>"


def _items(asks: tuple[AskFigure, ...], kind: str) -> str:
    rows, seen = [], set()
    for a in asks:
        first = a.question.id not in seen
        seen.add(a.question.id)
        count = sum(1 for x in asks if x.question.id == a.question.id)
        dim = f"<td>{esc(a.ask.name)}</td>" if kind == "classify" else ""
        label = (lambda p: p.name) if kind == "classify" else (lambda p: f"{p.code}. {p.name}")
        rows.append("<tr>" + (_question_cell(a, count) if first else "") + dim
                    + f"<td class='n'>{a.answered}</td><td>{share_bar(a.correct)}</td>"
                    f"<td>{picks([(label(p), p.share, p.key) for p in a.picks])}</td></tr>")
    dim_head = _ths(N_("维度")) if kind == "classify" else ""
    return (_th3(N_("逐题")) + "<table class='items'><thead><tr>" + _ths(N_("题目")) + dim_head
            + _ths(N_("作答"), N_("正确率"), N_("选择分布(✓ 为答案)")) + "</tr></thead><tbody>"
            + "".join(rows) + "</tbody></table>")


def question_section(f: QuestionFigures, number: int) -> str:
    kind = f.activity.kind
    body = heading(f.activity, number) + _participation(f.joined, f.participants, f.completed)
    if kind == "poll":
        for a in f.asks:
            count = _("({count} 人)").format(count=a.answered)
            body += (f"<div class='poll'><p><b>{esc(a.question.body)}</b>{count}</p>"
                     + hbars([(p.name, p.share, False) for p in a.picks]) + "</div>")
        return f"<section class='activity'>{body}</section>"
    mean = sum(f.scores) / len(f.scores) if f.scores else None
    body += ("<p class='facts'>" + _("平均得分 <b>{mean}</b>(未答的题计 0 分)。").format(
        mean=pct(mean)) + "</p>" + histogram(f.scores))
    if f.dimensions:
        body += _dimensions(f.dimensions)
    return f"<section class='activity'>{body}{_items(f.asks, kind)}</section>"


def draft_section(f: DraftFigures, number: int) -> str:
    hints = "".join("<li>" + _("{hint}:{count} 份({share})").format(
        hint=esc(t), count=n, share=pct(n / f.drafts)) + "</li>" for t, n in f.hints[:6])
    return (f"<section class='activity'>{heading(f.activity, number)}"
            + _participation(f.joined, f.covered, f.covered)
            + "<p class='facts'>" + _("共 {count} 份方案(小组方案算一份)。").format(count=f.drafts)
            + "</p>" + (_th3(N_("最常见的规则提示")) + f"<ul>{hints}</ul>" if hints else
                        "<p>" + _("没有方案触发规则提示。") + "</p>") + "</section>")


def peer_section(f: PeerFigures, number: int, joined: int) -> str:
    crit = "".join(
        f"<tr><td>{esc(c.name)}</td><td>{share_bar(None if c.mean is None else c.mean / c.top)}"
        f"</td><td class='n'>{'—' if c.mean is None else f'{c.mean:.1f} / {c.top}'}</td></tr>"
        for c in f.criteria)
    med = "—" if f.median_distance is None else _("{levels} 级").format(
        levels=f"{f.median_distance:.2f}")
    shows = "".join(
        "<div class='card'><b>" + _("优秀方案 {number}").format(number=i) + "</b>"
        + _("(匿名;平均 {score},{reviews} 份评审)").format(score=pct(s.score), reviews=s.reviews)
        + "".join(f"<p><b>{esc(t)}</b>:{esc(x)}</p>" for t, x in s.sections) + "</div>"
        for i, s in enumerate(f.showcase, 1))
    return (f"<section class='activity'>{heading(f.activity, number)}"
            + _participation(joined, f.reviewers, f.completed)
            + "<p class='facts'>" + _("共 {reviews} 份评审;{flagged} 份被作者标记。").format(
                reviews=f.reviews, flagged=f.flagged) + "</p>"
            + _th3(N_("量规各项平均(各方案的最终分)")) + "<table><thead><tr>"
            + _ths(N_("标准"), N_("平均"), N_("分值"))
            + f"</tr></thead><tbody>{crit}</tbody></table>" + _th3(N_("评审者可靠性"))
            + "<p>" + _("可比较的评审者 {compared} 人;与同一方案其他评审者的平均差距,"
                        "中位数 {median};差距 ≥ 1 级的 {far} 人。").format(
                compared=f.compared, median=med, far=f.far) + "</p>"
            + _th3(N_("优秀方案(匿名展示)"))
            + (shows or "<p>" + _("尚无评分的方案。") + "</p>") + "</section>")


def other_section(act: object, number: int, joined: int, took_part: int, done: int) -> str:
    """Activities of a kind the report has no figures for."""
    return (f"<section class='activity'>{heading(act, number)}"
            + _participation(joined, took_part, done) + "</section>")
