"""Printable certificates for the trainees who pass a module, one A4 page each.

Exporting issues them: each gets a verification code kept in the store
(:mod:`kit.store.certificates`), the same code on every later export unless the details
change. Someone who no longer passes (after an instructor's override) has theirs revoked.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from kit.htmltext import esc
from kit.i18n import N_, _, current
from kit.logic.certify import band
from kit.logic.text import InputProblem
from kit.reports.data import SessionData
from kit.reports.results import module_score, session_results
from kit.store import Store
from kit.store import certificates as store_certs
from kit.store.certificates import Certificate, Details, shown


@dataclass(frozen=True)
class Passed:
    participant_id: int
    module: int
    band: str


def passing(d: SessionData) -> list[Passed]:
    """Who passes which of the session's modules (modules without a pass mark give none)."""
    results = session_results(d)
    out = []
    for number in d.workshop.modules:
        mark = d.course.module(number).pass_mark
        if mark is None:
            continue
        for p in d.people:
            score = module_score(d, number, results[p.id])
            got = band(score, mark) if score is not None else None
            if got is not None:
                out.append(Passed(p.id, number, got))
    return out


def session_date(d: SessionData) -> str:
    start = d.workshop.created_at or min((p.joined_at for p in d.people), default=time.time())
    return time.strftime("%Y-%m-%d", time.localtime(start))


def issue_all(store: Store, d: SessionData) -> list[Certificate]:
    """Issue (or find again) every certificate the session earns; revoke the rest."""
    if d.anonymised:
        raise InputProblem(_("证书须写明学员姓名,不能与“以化名代替姓名”同时使用"))
    people = {p.id: p for p in d.people}
    issued = [store_certs.issue(store, d.workshop.id, x.participant_id, Details(
        d.workshop.code, people[x.participant_id].name, people[x.participant_id].staff_id,
        x.module, d.course.module(x.module).title, session_date(d), x.band))
        for x in passing(d)]
    store_certs.revoke_others(store, d.workshop.id, d.workshop.modules,
                              {(c.participant_id, c.details.module) for c in issued})
    return issued


CSS = """
@page { size: A4 landscape; margin: 12mm; }
body { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", "Source Han Serif SC", serif;
       margin: 0; color: #1d2939; }
.cert { box-sizing: border-box; height: 184mm; border: 3px double #7a5c1e; padding: 16mm 22mm;
        text-align: center; break-after: page; }
.cert h1 { font-size: 30pt; letter-spacing: 0.3em; margin: 4mm 0 10mm; }
.cert .who { font-size: 22pt; font-weight: bold; margin: 4mm 0; }
.cert p { font-size: 13pt; line-height: 1.9; margin: 2mm 0; }
.cert .band { font-size: 16pt; font-weight: bold; }
.cert .code { margin-top: 12mm; font-family: monospace; font-size: 12pt; letter-spacing: 0.1em; }
.cert small { color: #555; font-size: 10pt; }
"""


BANDS = (N_("优秀"), N_("良好"), N_("合格"))
"""The bands of kit.logic.certify, stored in Chinese and shown through ``_()``."""


def page(c: Certificate, title: str, instructor: str) -> str:
    x = c.details
    staff = _("(工号 {staff_id})").format(staff_id=esc(x.staff_id)) if x.staff_id else ""
    by = _("讲师:{name} · ").format(name=esc(instructor)) if instructor else ""
    done = _("于 {date} 参加「{title}」,完成<br>模块 {number}「{module}」的学习与考核,成绩等级"
             ).format(date=esc(x.issued_on), title=esc(title), number=x.module,
                      module=esc(x.module_title))
    band = esc(_(x.band) if x.band in BANDS else x.band)
    head, award = _("培训合格证书"), _("特发此证。")
    check = _("可向培训管理部门核验此验证码的真伪。")
    code = _("验证码 {code}").format(code=esc(shown(c.code)))
    return (f"<section class='cert'><h1>{head}</h1><div class='who'>{esc(x.name)}"
            f"{staff}</div><p>{done}</p><p class='band'>{band}</p><p>{by}{award}</p>"
            f"<div class='code'>{code}</div><small>{check}</small></section>")


class CertificateExport:
    suffix = ".html"

    def __init__(self, store: Store) -> None:
        self.store = store

    def export(self, d: SessionData, versions: list[object], out: Path) -> Path:
        issued = issue_all(self.store, d)
        pages = "".join(page(c, d.workshop.title, d.workshop.instructor) for c in issued) or \
            "<p>" + _("本场暂无达到合格线的学员(合格线见各模块的 pass_mark)。") + "</p>"
        title = _("{title} 证书").format(title=d.workshop.title)
        lang = "en" if current() == "en" else "zh-CN"
        out.write_text(f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'>"
                       f"<title>{esc(title)}</title><style>{CSS}</style>"
                       f"</head><body>{pages}</body></html>", encoding="utf-8")
        return out
