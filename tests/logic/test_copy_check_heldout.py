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

FIXTURES = Path(__file__).parent.parent / "fixtures" / "copy"


def run_cli(name: str) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """(expected, found) for one fixture file, through ``python -m kit check-copy --json``."""
    path = FIXTURES / name
    done = subprocess.run([sys.executable, "-m", "kit", "check-copy", "--in", str(path), "--json"],
                          cwd=REPO_ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    expected = {s["id"]: s["expect"] for s in yaml.safe_load(path.read_text("utf-8"))["samples"]}
    assert set(found) == set(expected)
    return expected, found


def false_positives(expected: dict[str, list[str]], found: dict[str, list[str]]) -> int:
    return sum(len(set(found[k]) - set(v)) for k, v in expected.items() if not v)


def test_heldout_recall_and_false_positives() -> None:
    expected, found = run_cli("heldout.yaml")
    scores = score(expected, found)
    assert scores.clean >= 10
    assert (scores.overall.recall or 0) >= 0.9, scores
    assert false_positives(expected, found) <= scores.clean / 10, scores


def test_last_heldout_part_does_not_regress() -> None:
    """final.yaml, written after the rules were frozen: the issue's recall goal is NOT met here
    (0.63 on its first run, docs/copy-check.md); this guards the measured level."""
    expected, found = run_cli("final.yaml")
    scores = score(expected, found)
    assert (scores.overall.recall or 0) >= 0.6 and (scores.overall.precision or 0) >= 0.9
    assert false_positives(expected, found) <= scores.clean / 10, scores
