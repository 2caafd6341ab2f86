"""nbval runs every notebook in workshops/ and exercises/, against a throwaway store."""

from __future__ import annotations

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
           "JUPYTER_PATH": str(REPO_ROOT / "kit" / "jupyter")}  # the kit-trainee kernelspec
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "--nbval-lax", "-p", "no:cacheprovider", "-q",
         "--rootdir", str(tmp_path), "-o", "addopts=", *notebooks],
        cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-2000:]
    assert f"{len(notebooks)} passed" in proc.stdout or "passed" in proc.stdout
