"""Widget trees without a browser: build the view, set values, click, check state and store."""

from __future__ import annotations

from pathlib import Path

import pytest

from kit.content import Course, load_course

FIXTURE = Path(__file__).parent.parent / "fixtures" / "content" / "base"


@pytest.fixture(scope="session")
def course() -> Course:
    return load_course(FIXTURE)
