"""The course cache: one parse for a whole class, never a stale pickle after an upgrade."""

from __future__ import annotations

import importlib.metadata
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from kit.content import cache

FIXTURE = Path(__file__).parent.parent / "fixtures" / "content" / "base"


@pytest.fixture
def fresh_key() -> Iterator[None]:
    cache.code_key.cache_clear()
    yield
    cache.code_key.cache_clear()


def test_the_course_cache_key_changes_with_the_kit_version_and_model_code(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_key: None) -> None:
    before = cache.fingerprint(FIXTURE)
    models = tmp_path / "models"
    shutil.copytree(cache.MODELS, models, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache, "MODELS", models)
    cache.code_key.cache_clear()
    assert cache.fingerprint(FIXTURE) == before  # the same code, the same key
    (models / "models.py").write_text((models / "models.py").read_text("utf-8")
                                      + "\n# a changed model\n", "utf-8")
    cache.code_key.cache_clear()
    changed_code = cache.fingerprint(FIXTURE)
    assert changed_code != before
    monkeypatch.setattr(importlib.metadata, "version", lambda _name: "99.0")
    cache.code_key.cache_clear()
    assert cache.fingerprint(FIXTURE) not in (before, changed_code)


def test_a_cached_course_is_read_back_and_an_edit_makes_a_new_entry(
        tmp_path: Path, fresh_key: None) -> None:
    data = tmp_path / "data"
    shutil.copytree(FIXTURE, data)
    first = cache.load_cached(data, tmp_path / "cache")
    assert cache.load_cached(data, tmp_path / "cache") == first
    taxonomy = data / "taxonomy.yaml"
    taxonomy.write_text(taxonomy.read_text("utf-8") + "\n# 注释\n", "utf-8")
    cache.load_cached(data, tmp_path / "cache")
    assert len(list((tmp_path / "cache").glob("course-*.pickle"))) == 2
