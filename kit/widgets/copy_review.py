"""文案审查: paste marketing copy, see the checker's findings highlighted in it.

A thin view: it takes an ``on_check(text)`` callback that returns the engine's
:class:`~kit.logic.copycheck.Review` (data), and renders it. The copy a trainee pastes is
hostile input: every piece of it is escaped before it becomes HTML.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import ipywidgets as W

from kit.i18n import N_, _
from kit.logic.copycheck import Finding, Review
from kit.widgets._base import Notice, View, error_boundary, esc

MAX_CHARS = 5000
TITLE = N_("文案审查")
PLACEHOLDER = N_("把要审查的营销文案（海报、短信、推文、话术……）粘贴到这里")
_MARK = "background:#ffe08a;border-radius:3px;padding:0 1px"
_TAG = "font-size:0.75em;color:#b42318;font-weight:700;margin-left:1px"
_TEXT = "white-space:pre-wrap;overflow-wrap:anywhere;line-height:1.8;font-size:1.05em"


def _spans(findings: Sequence[Finding]) -> list[tuple[int, int, list[str]]]:
    """Merged, non-overlapping highlighted spans with the codes over each."""
    merged: list[tuple[int, int, list[str]]] = []
    for f in sorted((f for f in findings if f.end > f.start and not f.missing),
                    key=lambda f: f.start):
        if merged and f.start < merged[-1][1]:
            start, end, codes = merged[-1]
            merged[-1] = (start, max(end, f.end), codes + [f.code] * (f.code not in codes))
        else:
            merged.append((f.start, f.end, [f.code]))
    return merged


def highlight_html(text: str, findings: Sequence[Finding]) -> str:
    """The copy, escaped, with each finding's span marked and tagged with its codes."""
    out, pos, sep = [], 0, _("、")
    for start, end, codes in _spans(findings):
        out.append(esc(text[pos:start]))
        out.append(f'<mark style="{_MARK}" title="{esc(sep.join(codes))}">'
                   f'{esc(text[start:end])}</mark><sup style="{_TAG}">{esc("/".join(codes))}</sup>')
        pos = end
    out.append(esc(text[pos:]))
    return f'<div class="kit-card" style="{_TEXT}">{"".join(out)}</div>'


def finding_html(f: Finding) -> str:
    where = _("全文缺少") if f.missing else f"“{esc(f.matched)}”"
    return (_("<li style='margin-bottom:10px'><b>{code} {title}</b>（{where}）<br>{message}<br><b>"
              "建议改为：</b>{rewrite}<br><small>依据：{citation}</small></li>").format(
                code=esc(f.code), title=esc(f.title), where=where, message=esc(f.message),
                rewrite=esc(f.rewrite), citation=esc(f.citation)))


def findings_html(review: Review) -> str:
    if not review.findings:
        return (_("<div class='kit-card'><span class='kit-ok'>未发现违规表述。</span><br><small>"
                  "检查器只识别常见的违规说法，发布前仍须按流程做消保审查。</small></div>"))
    items = "".join(finding_html(f) for f in review.findings)
    return (_("<div class='kit-card'><b>发现 {n} 类问题：{x}</b><ul style='padding-left:1.2em'>"
              "{items}</ul><small>检查器的结论供参考，不能代替消保审查。</small></div>").format(
                n=len(review.codes), x=esc(_('、').join(review.codes)), items=items))


class CopyReviewView(View):
    """Events flow up through ``on_check``; ``check()`` is the button's Python trigger."""

    def __init__(self, on_check: Callable[[str], Review], title: str | None = None) -> None:
        self._on_check = on_check
        self.text = W.Textarea(placeholder=_(PLACEHOLDER),
                               layout=W.Layout(width="100%", height="140px"))
        self.check_button = W.Button(description=_("审查"), button_style="primary",
                                     layout=W.Layout(min_width="96px", height="44px"))
        self.check_button.on_click(lambda _: self.check())
        self.notice, self.marked, self.result = Notice(), W.HTML(), W.HTML()
        self.header = W.HTML(f"<h3>{esc(title or _(TITLE))}</h3>")
        self.actions = W.HBox([self.check_button, self.notice],
                              layout=W.Layout(flex_flow="row wrap", align_items="center"))
        self.body = W.VBox([self.header, self.text, self.actions, self.marked, self.result],
                           layout=W.Layout(max_width="900px"))
        super().__init__([self.body])

    @error_boundary
    def check(self) -> None:
        text = self.text.value
        problem = (_("请先粘贴要审查的文案。") if not text.strip() else
                   _("文案超过 {MAX_CHARS} 字，请分段审查。").format(
                       MAX_CHARS=MAX_CHARS) if len(text) > MAX_CHARS else "")
        if problem:
            self.notice.show(problem, "error")
            return
        self.show(self._on_check(text))

    def show(self, review: Review) -> None:
        self.notice.show("")
        self.marked.value = highlight_html(review.text, review.findings)
        self.result.value = findings_html(review)
