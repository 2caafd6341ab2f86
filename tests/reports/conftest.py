"""A session of simulated trainees, built through the store, shared by the report tests."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from kit.content import Course, load_course
from kit.demo import run_demo
from kit.settings import REPO_ROOT
from kit.store import Store


@dataclass
class Session:
    course: Course
    store: Store
    code: str
    key: str


@pytest.fixture(scope="module")
def session(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Session]:
    course = load_course(REPO_ROOT / "data")
    store = Store(f"sqlite:///{tmp_path_factory.mktemp('rep') / 'kit.sqlite3'}")
    demo = run_demo(course, store, 24, (1, 2, 3, 6))
    yield Session(course, store, demo.code, demo.key)
    store.dispose()


@pytest.fixture
def out(tmp_path: Path) -> Path:
    return tmp_path
