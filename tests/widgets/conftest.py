"""Widget trees without a browser: build the page, type and tap, check state and store.

Every test here must close what it opens: a widget left open is a leak (a kernel serving a
trainee all day must not keep every screen it showed), and the test fails, as in anywidget's
own suite.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kit.content import Course, load_course
from kit.testing import open_widgets

FIXTURE = Path(__file__).parent.parent / "fixtures" / "content" / "base"


@pytest.fixture(scope="session")
def course() -> Course:
    return load_course(FIXTURE)


@pytest.fixture(autouse=True)
def no_leaked_widgets() -> Iterator[None]:
    before = open_widgets()
    yield
    from ipywidgets.widgets.widget import _instances

    from kit.widgets.shared import is_shared

    leaked = [w for k, w in _instances.items() if k not in before and not is_shared(w)]
    if leaked:
        kinds = sorted({f"{type(w).__name__} {getattr(w, 'description', '')}"
                        f" {str(getattr(w, 'value', ''))[:40]}".strip() for w in leaked})
        for widget in leaked:
            widget.close()
        pytest.fail(f"{len(leaked)} widgets left open after the test: {kinds}")
