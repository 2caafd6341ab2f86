"""``python -m kit export CODE --key KEY [--format …] [--out PATH] [--anonymise]``."""

from __future__ import annotations

from pathlib import Path

from kit.content import Course
from kit.reports.data import load
from kit.reports.export import exporters
from kit.reports.names import export_name
from kit.store import Store, work


def export(course: Course, store: Store, code: str, key: str, fmt: str, out: Path | None,
           anonymise: bool = False) -> Path:
    """Write one export; the path defaults to :func:`export_name` in the current folder."""
    data = load(course, store, code, key, anonymise)
    plugin = exporters(store)[fmt]
    target = out or Path(export_name(data.workshop.code, fmt, anonymise))
    return plugin.export(data, list(work.all_versions(store, data.workshop.id)), target)
