"""The session report as one self-contained HTML file that prints to A4: nothing external."""

from __future__ import annotations

from pathlib import Path

from kit.htmltext import esc
from kit.i18n import _, current
from kit.reports.data import SessionData
from kit.reports.report import body

CSS = """
@page { size: A4; margin: 14mm 13mm 16mm;
        @bottom-center { content: counter(page) " / " counter(pages); font-size: 8pt; } }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif;
       font-size: 10.5pt; color: #111; line-height: 1.45; max-width: 190mm; margin: 0 auto; }
h1 { font-size: 20pt; margin: 0 0 2mm; } h2 { font-size: 14pt; border-bottom: 1px solid #999;
     margin: 6mm 0 2mm; } h3 { font-size: 11.5pt; margin: 4mm 0 1mm; }
h2 small, h3 small { font-weight: normal; color: #555; font-size: 9pt; }
.sub { color: #555; margin-top: 0; } .note, .intro, .qtext { color: #555; font-size: 9pt; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0; }
td, th { border: 1px solid #c7ccd4; padding: 1.2mm 2mm; font-size: 9pt; vertical-align: top;
         text-align: left; }
th { background: #f2f4f7; white-space: nowrap; } thead { display: table-header-group; }
tr { break-inside: avoid; }
table.meta th { width: 22mm; } td.n { text-align: right; white-space: nowrap; }
td.q { width: 42%; }
.bar { display: inline-block; width: 18mm; height: 2.2mm; background: #e4e7ec;
       vertical-align: middle; } .bar > span { display: block; height: 100%; }
.chip { display: inline-block; border: 1px solid #c7ccd4; border-radius: 2mm; padding: 0 1.5mm;
        margin: 0.3mm; font-size: 8.5pt; white-space: nowrap; }
.chip.key { border-color: #1f7a4d; color: #1f7a4d; font-weight: bold; }
.hrow { display: flex; align-items: center; font-size: 9pt; margin: 0.6mm 0; }
.hlabel { width: 60mm; } .hbar { flex: 1; height: 3mm; background: #e4e7ec; }
.hbar > span { display: block; height: 100%; } .hval { width: 12mm; text-align: right; }
.agree.低 { color: #b42318; font-weight: bold; } .hist { display: block; margin: 2mm 0; }
.card { border: 1px solid #c7ccd4; border-radius: 2mm; padding: 2mm 3mm; margin: 2mm 0;
        break-inside: avoid; }
ol.weak li { margin: 1mm 0; }
@page wide { size: A4 landscape; margin: 10mm 10mm 14mm; }
.appendix { page: wide; }
ol.legend { columns: 3; font-size: 8pt; margin: 1mm 0; padding-left: 5mm; }
table.trainees th, table.trainees td { font-size: 8pt; padding: 0.5mm 1mm; }
table.trainees td:first-child { white-space: nowrap; }
@media print {
  body { max-width: none; }
  .activity, .appendix { break-before: page; }
  a { color: inherit; text-decoration: none; }
}
"""


def document(d: SessionData) -> str:
    title = _("{title} 培训报告").format(title=d.workshop.title)
    lang = "en" if current() == "en" else "zh-CN"
    return (f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'>"
            f"<meta name='viewport' content='width=device-width, initial-scale=1'>"
            f"<title>{esc(title)}</title><style>{CSS}</style></head>"
            f"<body>{body(d)}</body></html>")


class HtmlExport:
    suffix = ".html"

    def export(self, d: SessionData, versions: list[object], out: Path) -> Path:
        out.write_text(document(d), encoding="utf-8")
        return out
