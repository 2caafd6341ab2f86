"""A validated course, cached for kernels: a class of 200 should not parse YAML 200 times.

The cache key is every content file's path, size and modification time, so any edit makes a
new cache entry, plus the kit's version and a hash of the code of the models the pickle holds,
so an upgrade never unpickles old classes. Only the kit writes the cache (under ``var/``),
atomically. A course once loaded is kept in memory under the same key, so kernels forked from
a parent that loaded it share its pages (``kit.kernels``) instead of unpickling their own copy.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import tempfile
from pathlib import Path

from kit.content.course import Course, load_course

_LOADED: dict[Path, Course] = {}
MODELS = Path(__file__).parent
"""The code whose classes a cached course holds (``kit/content``) and the logic it imports."""


@functools.cache
def code_key() -> str:
    """The kit's version and a hash of the model code, read once per process."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        kit_version = version("xiaobao-kit")
    except PackageNotFoundError:
        kit_version = "unknown"
    digest = hashlib.sha256(kit_version.encode())
    for path in sorted(MODELS.glob("*.py")):
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()[:12]


def fingerprint(data_dir: Path) -> str:
    digest = hashlib.sha256(code_key().encode())
    for path in sorted(data_dir.rglob("*.yaml")):
        stat = path.stat()
        digest.update(f"{path.relative_to(data_dir)}:{stat.st_size}:{stat.st_mtime_ns};".encode())
    return digest.hexdigest()[:20]


def load_cached(data_dir: Path, cache_dir: Path) -> Course:
    """The course from the cache if current, else validated from YAML and cached."""
    target = cache_dir / f"course-{fingerprint(data_dir)}.pickle"
    if (known := _LOADED.get(target)) is not None:
        return known
    _LOADED.clear()  # an older version of the content is not wanted any more
    _LOADED[target] = course = _load(data_dir, target)
    return course


def _load(data_dir: Path, target: Path) -> Course:
    try:
        with target.open("rb") as fh:
            course = pickle.load(fh)
        if isinstance(course, Course):
            return course
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass
    course = load_course(data_dir)
    _write(target, course)
    return course


def _write(target: Path, course: Course) -> None:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(course, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, target)
    except OSError:
        pass  # a read-only var/ only costs speed
