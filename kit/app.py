"""What notebooks call: one line per page. Imports stay lazy so each page loads only its own.

Each page function shows the kit's Chinese message, not a Voilà error, when the page cannot
start (for example the store is down when the page first loads).
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import Any, TypeVar

from kit.i18n import N_, _
from kit.settings import REPO_ROOT, get_settings

log = logging.getLogger("kit.app")
F = TypeVar("F", bound=Callable[..., Any])
DOWN = (N_("<div class='kit-card kit-error' role='alert'>页面暂时无法打开:服务器存储或课程内容"
        "暂时不可用。请稍候刷新页面;如仍不行,请告诉讲师。</div>"))


def kindly(page: F) -> F:
    """A page that cannot start shows a Chinese message; the traceback goes to the log."""

    @functools.wraps(page)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from kit import rehearsal

        try:
            return page(*args, **kwargs)
        except rehearsal.RehearsalFailed:
            raise  # nbval must see it
        except Exception:
            log.exception("页面无法打开:%s", page.__name__)
            import ipywidgets as W

            return W.HTML(_(DOWN))

    return wrapper  # type: ignore[return-value]


def load() -> Any:
    """The validated course from the configured data directory."""
    from kit.content.cache import load_cached

    settings = get_settings()
    return load_cached(settings.data_dir, settings.var_dir / "cache")


def store() -> Any:
    from kit.store import open_store

    return open_store()


@kindly
def course_map() -> Any:
    import ipywidgets as W

    from kit.widgets.bridge import PageBridge
    from kit.widgets.course_map import course_map as view

    return W.VBox([PageBridge(), view(load(), REPO_ROOT)])


@kindly
def trainee() -> Any:
    """The trainee app: join with the code, then follow the instructor."""
    from kit import rehearsal
    from kit.pages.trainee import open_trainee

    if rehearsal.active():
        return rehearsal.trainee(load(), store())
    return open_trainee(load(), store).page


@kindly
def console() -> Any:
    """The instructor console: opens only with the workshop's instructor key."""
    from kit import rehearsal
    from kit.pages.console import open_console

    if rehearsal.active():
        return rehearsal.console(load(), store())
    return open_console(load(), store).page


@kindly
def projector() -> Any:
    """The projector page: opened with the projector link the console shows."""
    from kit import rehearsal
    from kit.pages.projector import open_projector

    if rehearsal.active():
        return rehearsal.projector(load(), store())
    return open_projector(load(), store).page


@kindly
def activity(activity_id: str) -> Any:
    """One activity in a module notebook: the instructor's controls, else self-study."""
    from kit import rehearsal
    from kit.pages.cell import open_cell

    if rehearsal.active():
        return rehearsal.cell(load(), store(), activity_id)
    return open_cell(load(), activity_id, store)


@kindly
def module_plan(number: int) -> Any:
    """The module's activities and time plan, from ``data/modules.yaml``."""
    from kit.widgets.course_map import module_plan as view

    return view(load(), number)


@kindly
def roleplay(scenario_id: str) -> Any:
    """A solo role-play of one scenario from ``data/scenarios/`` (self-study: nothing is stored)."""
    from kit import rehearsal
    from kit.widgets.roleplay import roleplay_view

    if rehearsal.active():
        return rehearsal.roleplay(load(), scenario_id)
    return roleplay_view(load(), scenario_id)


@kindly
def drill() -> Any:
    """Self-paced classification drill over the case bank."""
    import ipywidgets as W

    from kit.widgets.bridge import PageBridge
    from kit.widgets.drill import DrillView

    return W.VBox([PageBridge(), DrillView(load())])


@kindly
def gallery() -> Any:
    """The designers' preview of every case, item, poll and rubric, with keys and checks."""
    from kit.pages.gallery import open_gallery

    return open_gallery(load(), store)


@kindly
def copy_check() -> Any:
    """文案审查 (module 二): paste marketing copy, see the checker's findings in it."""
    from kit.logic.copycheck import review
    from kit.widgets.copy_review import CopyReviewView

    rules = load().ad_rules
    if rules is None:
        raise RuntimeError(_("内容目录中没有 ad_rules.yaml,无法审查文案。"))
    import ipywidgets as W

    from kit.widgets.bridge import PageBridge

    return W.VBox([PageBridge(), CopyReviewView(lambda text: review(text, rules))])
