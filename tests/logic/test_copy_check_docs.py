"""docs/copy-check.md reports the checker's current figures, not hand-typed ones."""

from __future__ import annotations

from tests.logic.copy_figures import DOC, rendered


def test_the_figures_in_the_docs_are_current() -> None:
    doc = DOC.read_text("utf-8")
    hint = "运行 .venv/bin/python -m tests.logic.copy_figures 更新 docs/copy-check.md"
    assert doc == rendered(doc), hint
