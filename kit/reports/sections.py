"""One report section per activity, rendered from its figures. Everything typed is escaped."""

from __future__ import annotations

from kit.htmltext import esc
from kit.logic.agreement import fmt
from kit.reports.charts import hbars, histogram, picks, share_bar
from kit.reports.figures import AskFigure, DimensionFigure, QuestionFigures
from kit.reports.peerfigures import DraftFigures, PeerFigures
from kit.reports.weakpoints import pct

KIND_NAMES = {"classify": "案例分类", "quiz": "测验", "poll": "投票", "draft": "方案撰写",
              "peer_review": "同伴互评", "roleplay": "情景演练"}
EXCERPT = 160


def heading(act: object, number: int) -> str:
    kind = getattr(act, "kind", "")
    intro = getattr(act, "intro", None)
    title, name = esc(getattr(act, "title", "")), esc(KIND_NAMES.get(kind, kind))
    return (f"<h2>{number}. {title} <small>{name}</small></h2>"
            + (f"<p class='intro'>{esc(intro)}</p>" if intro else ""))


def _participation(joined: int, took_part: int, completed: int) -> str:
    share = took_part / joined if joined else None
    return (f"<p class='facts'>参与 <b>{took_part}</b> / {joined} 人({pct(share)}),"
            f"全部完成 <b>{completed}</b> 人。</p>")


def _dimensions(dims: tuple[DimensionFigure, ...]) -> str:
    rows = []
    for dim in dims:
        c = dim.confusion
        error = "—" if c is None else esc(
            f"多选「{c.chosen}」" if not c.key else f"漏选「{c.key}」" if not c.chosen
            else f"「{c.key}」判为「{c.chosen}」") + f"({pct(c.of_errors)})"
        value = "" if dim.agreement.value is None else \
            f"<small>{esc(dim.agreement.method)} {fmt(dim.agreement.value)}</small>"
        rows.append(f"<tr><td>{esc(dim.name)}</td><td class='n'>{dim.answers}</td>"
                    f"<td>{share_bar(dim.correct)}</td><td>{error}</td>"
                    f"<td class='agree {dim.reading}'>{esc(dim.reading)} {value}</td></tr>")
    return ("<h3>各维度</h3><table><thead><tr><th>维度</th><th>作答人次</th><th>正确率</th>"
            "<th>最常见的错误(占答错)</th><th>一致性</th></tr></thead><tbody>"
            + "".join(rows) + "</tbody></table>")


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
    dim_head = "<th>维度</th>" if kind == "classify" else ""
    return ("<h3>逐题</h3><table class='items'><thead><tr><th>题目</th>" + dim_head
            + "<th>作答</th><th>正确率</th><th>选择分布(✓ 为答案)</th></tr></thead><tbody>"
            + "".join(rows) + "</tbody></table>")


def question_section(f: QuestionFigures, number: int) -> str:
    kind = f.activity.kind
    body = heading(f.activity, number) + _participation(f.joined, f.participants, f.completed)
    if kind == "poll":
        for a in f.asks:
            body += (f"<div class='poll'><p><b>{esc(a.question.body)}</b>({a.answered} 人)</p>"
                     + hbars([(p.name, p.share, False) for p in a.picks]) + "</div>")
        return f"<section class='activity'>{body}</section>"
    mean = sum(f.scores) / len(f.scores) if f.scores else None
    body += (f"<p class='facts'>平均得分 <b>{pct(mean)}</b>(未答的题计 0 分)。</p>"
             + histogram(f.scores))
    if f.dimensions:
        body += _dimensions(f.dimensions)
    return f"<section class='activity'>{body}{_items(f.asks, kind)}</section>"


def draft_section(f: DraftFigures, number: int) -> str:
    hints = "".join(f"<li>{esc(t)}:{n} 份({pct(n / f.drafts)})</li>" for t, n in f.hints[:6])
    return (f"<section class='activity'>{heading(f.activity, number)}"
            + _participation(f.joined, f.covered, f.covered)
            + f"<p class='facts'>共 {f.drafts} 份方案(小组方案算一份)。</p>"
            + (f"<h3>最常见的规则提示</h3><ul>{hints}</ul>" if hints else
               "<p>没有方案触发规则提示。</p>") + "</section>")


def peer_section(f: PeerFigures, number: int, joined: int) -> str:
    crit = "".join(
        f"<tr><td>{esc(c.name)}</td><td>{share_bar(None if c.mean is None else c.mean / c.top)}"
        f"</td><td class='n'>{'—' if c.mean is None else f'{c.mean:.1f} / {c.top}'}</td></tr>"
        for c in f.criteria)
    med = "—" if f.median_distance is None else f"{f.median_distance:.2f} 级"
    shows = "".join(
        f"<div class='card'><b>优秀方案 {i}</b>(匿名;平均 {pct(s.score)},{s.reviews} 份评审)"
        + "".join(f"<p><b>{esc(t)}</b>:{esc(x)}</p>" for t, x in s.sections) + "</div>"
        for i, s in enumerate(f.showcase, 1))
    return (f"<section class='activity'>{heading(f.activity, number)}"
            + _participation(joined, f.reviewers, f.completed)
            + f"<p class='facts'>共 {f.reviews} 份评审;{f.flagged} 份被作者标记。</p>"
            "<h3>量规各项平均(各方案的最终分)</h3><table><thead><tr><th>标准</th><th>平均</th>"
            f"<th>分值</th></tr></thead><tbody>{crit}</tbody></table>"
            "<h3>评审者可靠性</h3>"
            f"<p>可比较的评审者 {f.compared} 人;与同一方案其他评审者的平均差距,中位数 {med};"
            f"差距 ≥ 1 级的 {f.far} 人。</p>"
            "<h3>优秀方案(匿名展示)</h3>" + (shows or "<p>尚无评分的方案。</p>") + "</section>")


def other_section(act: object, number: int, joined: int, took_part: int, done: int) -> str:
    """Activities of a kind the report has no figures for."""
    return (f"<section class='activity'>{heading(act, number)}"
            + _participation(joined, took_part, done) + "</section>")
