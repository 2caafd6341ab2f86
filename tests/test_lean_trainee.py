"""The trainee app imports nothing heavy: a class of 200 is 200 kernels."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from kit.settings import REPO_ROOT

HEAVY = ("pandas", "numpy", "scipy", "statsmodels", "krippendorff", "matplotlib", "plotly",
         "bqplot", "openpyxl")
PROBE = """
import json, sys
from kit import app
page = app.trainee()
page.top[0].query = ""
print(json.dumps(sorted(m.split(".")[0] for m in sys.modules)))
"""


def test_trainee_path_imports_no_heavy_module(tmp_path: Path) -> None:
    env = {**os.environ, "KIT_DB_URL": f"sqlite:///{tmp_path / 'lean.sqlite3'}"}
    proc = subprocess.run([sys.executable, "-c", PROBE], cwd=REPO_ROOT, env=env,
                          capture_output=True, text=True, timeout=120, check=True)
    loaded = set(json.loads(proc.stdout.strip().splitlines()[-1]))
    assert "ipywidgets" in loaded and "kit" in loaded
    assert not loaded & set(HEAVY), loaded & set(HEAVY)
