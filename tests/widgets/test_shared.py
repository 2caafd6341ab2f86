"""Widgets made without a layout or style share the kernel's one default of that kind."""

from __future__ import annotations

from typing import Any

import ipywidgets as W
import pytest

from kit.testing import close
from kit.widgets.shared import SharedPartError, is_shared


def models(root: W.Widget) -> dict[str, W.Widget]:
    """Every widget model a front end builds to show ``root``, by model id."""
    seen: dict[str, W.Widget] = {}

    def walk(widget: Any) -> None:
        if isinstance(widget, W.Widget) and widget.model_id not in seen:
            seen[widget.model_id] = widget
            for name in widget.keys:
                value = getattr(widget, name)
                for item in value if isinstance(value, list | tuple) else (value,):
                    walk(item)

    walk(root)
    return seen


def test_widgets_without_a_layout_share_one_layout_and_one_style() -> None:
    a, b, own = W.HTML("甲"), W.HTML("乙"), W.HTML("丙", layout=W.Layout(width="auto"))
    try:
        assert a.layout is b.layout and is_shared(a.layout)
        assert a.style is b.style and is_shared(a.style)
        assert own.layout is not a.layout and not is_shared(own.layout)
        c, d = W.Button(), W.Button()
        assert c.style is d.style and c.style is not a.style  # one per kind, not one for all
    finally:
        close(W.VBox([a, b, own, c, d]))


def test_a_shared_part_cannot_be_changed_or_closed() -> None:
    box = W.HBox()
    with pytest.raises(SharedPartError, match=r"layout=W\.Layout"):
        box.layout.display = "none"
    assert box.layout.display is None
    box.layout.close()
    assert box.layout.comm is not None  # still shown by every other widget
    box.close()


def test_a_case_question_screen_builds_far_fewer_models() -> None:
    """The first case of 日常八大投诉问题拆解: 117 models (37 of them Layouts) without sharing."""
    from kit.content import load_course
    from kit.logic.questions import for_activity
    from kit.settings import REPO_ROOT
    from kit.widgets.classify import ClassifyView

    real = load_course(REPO_ROOT / "data")
    view = ClassifyView("m3-daily-problems", "t", for_activity(real, "m3-daily-problems"))
    try:
        shown = models(view)
        layouts = [m for m in shown.values() if isinstance(m, W.Layout)]
        assert len(shown) <= 85 and len(layouts) <= 20, (len(shown), len(layouts))
    finally:
        close(view)
