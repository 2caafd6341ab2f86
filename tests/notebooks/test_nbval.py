"""nbval runs every notebook in workshops/ and exercises/, against a throwaway store.

In rehearsal mode (``KIT_REHEARSAL=1``) each page goes through one real flow (join, answer,
submit; console and module pages through a console session) and raises if a step fails, so
nbval proves more than that constructors run."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from kit.settings import REPO_ROOT


def test_all_notebooks_run(tmp_path: Path) -> None:
    notebooks = sorted(str(p.relative_to(REPO_ROOT))
                       for d in ("workshops", "exercises") for p in (REPO_ROOT / d).glob("*.ipynb"))
    assert len(notebooks) >= 3
    env = {**os.environ, "KIT_DB_URL": f"sqlite:///{tmp_path / 'nbval.sqlite3'}",
           "KIT_REHEARSAL": "1",
           "JUPYTER_PATH": str(REPO_ROOT / "kit" / "jupyter")}  # the kit-trainee kernelspec
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "--nbval-lax", "-p", "no:cacheprovider", "-q",
         "--rootdir", str(tmp_path), "-o", "addopts=", *notebooks],
        cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-2000:]
    cells = sum(1 for nb in notebooks for c in json.loads((REPO_ROOT / nb).read_text("utf-8"))[
        "cells"] if c["cell_type"] == "code")
    assert f"{cells} passed" in proc.stdout, proc.stdout[-2000:]
