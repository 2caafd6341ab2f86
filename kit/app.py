"""What notebooks call: one line per page. Imports stay lazy so each page loads only its own."""

from __future__ import annotations

from typing import Any

from kit.settings import REPO_ROOT, get_settings


def load() -> Any:
    """The validated course from the configured data directory."""
    from kit.content import load_course

    return load_course(get_settings().data_dir)


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
