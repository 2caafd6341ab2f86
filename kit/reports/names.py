"""File names of exports: one place, so the console and the command line agree.

Anonymised exports carry ``-匿名`` in their names, so a file with names in it is never mistaken
for one without.
"""

from __future__ import annotations

#: format → (what the file holds, file suffix). ``csv`` is a folder of CSV files.
KINDS = {"xlsx": ("成绩", ".xlsx"), "csv": ("成绩表", ""), "html": ("报告", ".html"),
         "pdf": ("报告", ".pdf"), "record": ("记录", ".csv"), "certificates": ("证书", ".html")}


def export_name(code: str, fmt: str, anonymise: bool = False) -> str:
    """``ABCDE-报告.html``, ``ABCDE-记录-匿名.csv``, …"""
    what, suffix = KINDS[fmt]
    return f"{code}-{what}{'-匿名' if anonymise else ''}{suffix}"


def records_name(since: str, until: str, fmt: str) -> str:
    """``培训记录-2026-01-01-至-2026-06-30.xlsx``"""
    return f"培训记录-{since}-至-{until}.{fmt}"


def analysis_name(since: str, until: str, fmt: str) -> str:
    return f"题目分析-{since}-至-{until}.{fmt}"
