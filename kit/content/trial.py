"""Check content as it would be after a write, without touching ``data/``.

Importers build their new files in memory, copy ``data/`` to a temporary folder, put the new
files there and run the full validation. Only when that is clean do they write for real, so a
failed import never leaves ``data/`` half-changed.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path

from kit.content.course import check
from kit.content.problems import Problem


def trial_check(data_dir: Path, files: Mapping[str, str | None]) -> list[Problem]:
    """Problems of ``data_dir`` with ``files`` (relative path → text; None deletes) applied."""
    with tempfile.TemporaryDirectory(prefix="kit-trial-") as tmp:
        root = Path(tmp) / "data"
        shutil.copytree(data_dir, root, ignore=shutil.ignore_patterns("schemas"))
        for rel, text in files.items():
            target = root / rel
            if text is None:
                target.unlink(missing_ok=True)
            else:
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(text, "utf-8")
        return check(root)[1]


def write_all(data_dir: Path, files: Mapping[str, str | None]) -> None:
    """Write each file whole (through a temporary file, then a rename)."""
    for rel, text in files.items():
        target = data_dir / rel
        if text is None:
            target.unlink(missing_ok=True)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.name}.tmp")
        tmp.write_text(text, "utf-8")
        tmp.replace(target)
