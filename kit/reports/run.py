"""``python -m kit export CODE --key KEY [--format …] [--out PATH] [--anonymise] [--lang …]``.

A report has its own language: ``lang`` (``zh`` or ``en``) for headings, labels, generated
sentences, sheet and column names and the file name; ``None`` keeps the process's language
(``KIT_LANG``). Course content stays as written.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kit import i18n
from kit.content import Course
from kit.reports.data import SessionData, load, load_workshop
from kit.reports.export import exporters
from kit.reports.names import export_name
from kit.store import Store, work
from kit.store.records import Workshop


def file_name(code: str, fmt: str, anonymise: bool) -> str:
    """``K7M3Q-记录-匿名.csv``: the format and whether names were replaced, in the name."""
    return export_name(code, fmt, anonymise)


@contextmanager
def language(lang: str | None) -> Iterator[str]:
    """Render in ``lang`` (``None``: as the process does), then restore the process's."""
    before = i18n.current()
    try:
        yield i18n.use(lang or before)
    finally:
        i18n.use(before)


def export(course: Course, store: Store, code: str, key: str, fmt: str, out: Path | None,
           anonymise: bool = False, lang: str | None = None) -> Path:
    """Write one export; the path defaults to :func:`file_name` in the current folder."""
    return write(load(course, store, code, key, anonymise), store, fmt, out, lang)


def export_workshop(course: Course, store: Store, ws: Workshop, fmt: str, out: Path,
                    anonymise: bool = False, lang: str | None = None) -> Path:
    """The same, for the console (its session has already proved the instructor's right)."""
    return write(load_workshop(course, store, ws, anonymise), store, fmt, out, lang)


def write(data: SessionData, store: Store, fmt: str, out: Path | None,
          lang: str | None = None) -> Path:
    plugin = exporters(store)[fmt]
    with language(lang):
        target = out or Path(file_name(data.workshop.code, fmt, data.anonymised))
        return plugin.export(data, list(work.all_versions(store, data.workshop.id)), target)
