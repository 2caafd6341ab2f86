"""File names of exports: one place, so the console and the command line agree.

Anonymised exports carry ``-匿名`` in their names, so a file with names in it is never mistaken
for one without.
"""

from __future__ import annotations

from kit.i18n import N_, _

#: format → (what the file holds, file suffix). ``csv`` is a folder of CSV files.
KINDS = {"xlsx": (N_("成绩"), ".xlsx"), "csv": (N_("成绩表"), ""), "html": (N_("报告"), ".html"),
         "pdf": (N_("报告"), ".pdf"), "record": (N_("记录"), ".csv"),
         "certificates": (N_("证书"), ".html")}


def export_name(code: str, fmt: str, anonymise: bool = False) -> str:
    """``ABCDE-报告.html``, ``ABCDE-记录-匿名.csv``, …"""
    what, suffix = KINDS[fmt]
    anonymous = "-" + _("匿名") if anonymise else ""
    return f"{code}-{_(what)}{anonymous}{suffix}"


def records_name(since: str, until: str, fmt: str) -> str:
    """``培训记录-2026-01-01-至-2026-06-30.xlsx``"""
    return _("培训记录-{since}-至-{until}").format(since=since, until=until) + f".{fmt}"


def analysis_name(since: str, until: str, fmt: str) -> str:
    return _("题目分析-{since}-至-{until}").format(since=since, until=until) + f".{fmt}"
