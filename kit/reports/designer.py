"""The item analysis as a designer sees it in a notebook, or the command prints it."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from kit.reports import analysis_tables, history
from kit.reports.analysis import Analysis, analyse_sessions


@dataclass(frozen=True)
class DesignerView:
    period: history.Period
    analysis: Analysis
    summary: str
    review: pd.DataFrame
    items: pd.DataFrame
    agreement: pd.DataFrame


def analyse_store(since: str | None = None, until: str | None = None,
                  db: str | None = None) -> DesignerView:
    """Every session in the store (or in the period): tables and the short list."""
    from kit.content import load_course
    from kit.settings import get_settings
    from kit.store import open_store

    when = history.period(since, until)
    course = load_course(get_settings().data_dir)
    store = open_store(db)
    try:
        result = analyse_sessions(course, history.sessions(course, store, when))
    finally:
        store.dispose()
    return DesignerView(when, result, analysis_tables.text(result),
                        analysis_tables.review_frame(result), analysis_tables.items_frame(result),
                        analysis_tables.dimensions_frame(result))
