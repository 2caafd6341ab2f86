"""The copy checker on copy it was not tuned on, through the CLI as compliance staff run it.

``tests/fixtures/copy/heldout.yaml`` was written and committed before the engine existed and
has never been used for tuning. Goal (issue 19): recall ≥ 0.9 and at most one false positive
per ten compliant texts.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import yaml

from kit.logic.copycheck.metrics import score
from kit.settings import REPO_ROOT

HELDOUT = Path(__file__).parent.parent / "fixtures" / "copy" / "heldout.yaml"


def test_heldout_recall_and_false_positives() -> None:
    done = subprocess.run([sys.executable, "-m", "kit", "check-copy", "--in", str(HELDOUT),
                           "--json"], cwd=REPO_ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    expected = {s["id"]: s["expect"] for s in yaml.safe_load(HELDOUT.read_text("utf-8"))["samples"]}
    assert set(found) == set(expected)
    scores = score(expected, found)
    assert scores.clean >= 10
    assert (scores.overall.recall or 0) >= 0.9, scores
    false_positives = sum(len(set(found[k]) - set(v)) for k, v in expected.items() if not v)
    assert false_positives <= scores.clean / 10, scores
