"""``python -m kit export CODE --key KEY [--format …] [--out PATH] [--anonymise]``."""

from __future__ import annotations

from pathlib import Path

from kit.content import Course
from kit.reports.data import SessionData, load, load_workshop
from kit.reports.export import exporters
from kit.store import Store, work
from kit.store.records import Workshop

NAMES = {"xlsx": "成绩", "csv": "成绩表", "html": "报告", "record": "记录"}


def file_name(code: str, fmt: str, anonymise: bool) -> str:
    """``K7M3Q-记录-匿名.csv``: the format and whether names were replaced, in the name."""
    suffix = exporters()[fmt].suffix
    return f"{code}-{NAMES.get(fmt, fmt)}{'-匿名' if anonymise else ''}{suffix}"


def export(course: Course, store: Store, code: str, key: str, fmt: str, out: Path | None,
           anonymise: bool = False) -> Path:
    """Write one export; the path defaults to :func:`file_name` in the current folder."""
    return write(load(course, store, code, key, anonymise), store, fmt, out)


def export_workshop(course: Course, store: Store, ws: Workshop, fmt: str, out: Path,
                    anonymise: bool = False) -> Path:
    """The same, for the console (its session has already proved the instructor's right)."""
    return write(load_workshop(course, store, ws, anonymise), store, fmt, out)


def write(data: SessionData, store: Store, fmt: str, out: Path | None) -> Path:
    plugin = exporters()[fmt]
    target = out or Path(file_name(data.workshop.code, fmt, data.anonymised))
    return plugin.export(data, list(work.all_versions(store, data.workshop.id)), target)
