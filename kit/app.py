"""What notebooks call: one line per page. Imports stay lazy so each page loads only its own."""

from __future__ import annotations

from typing import Any

from kit.settings import REPO_ROOT, get_settings


def load() -> Any:
    """The validated course from the configured data directory."""
    from kit.content.cache import load_cached

    settings = get_settings()
    return load_cached(settings.data_dir, settings.var_dir / "cache")


def course_map() -> Any:
    from kit.widgets.course_map import course_map as view

    return view(load(), REPO_ROOT)


def store() -> Any:
    from kit.store import open_store

    return open_store()


def trainee() -> Any:
    """The trainee app: join with the code, then follow the instructor."""
    from kit.live.trainee import TraineeApp

    return TraineeApp(load(), store())


def console() -> Any:
    """The instructor console: opens only with the workshop's instructor key."""
    from kit.live.console import Console

    return Console(load(), store())


def activity(activity_id: str) -> Any:
    """One activity in a module notebook: the instructor's control with the key, else self-study."""
    from kit.live.cell import ActivityCell

    return ActivityCell(load(), activity_id, store)


def module_plan(number: int) -> Any:
    """The module's activities and time plan, from ``data/modules.yaml``."""
    from kit.widgets.course_map import module_plan as view

    return view(load(), number)


def roleplay(scenario_id: str) -> Any:
    """A solo role-play of one scenario from ``data/scenarios/`` (self-study: nothing is stored)."""
    from kit.widgets.roleplay import roleplay_view

    return roleplay_view(load(), scenario_id)


def drill() -> Any:
    """Self-paced classification drill over the case bank."""
    from kit.widgets.drill import DrillView

    return DrillView(load())
