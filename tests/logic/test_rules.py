"""The drafting-hint engine on sample drafts with known findings (copy: test_copy_check.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from kit.content import load_course
from kit.logic.rules import check
from kit.settings import REPO_ROOT

SAMPLES = yaml.safe_load((Path(__file__).parent.parent / "fixtures" / "drafts.yaml")
                         .read_text("utf-8"))
COURSE = load_course(REPO_ROOT / "data")


@pytest.mark.parametrize("draft", SAMPLES["drafts"], ids=lambda d: d["id"])
def test_draft_findings(draft: dict[str, object]) -> None:
    sets = COURSE.rules_for(str(draft["template"]))
    got = {f.rule_id for f in check(sets, draft["sections"])}  # type: ignore[arg-type]
    assert got == set(draft["expect"])  # type: ignore[arg-type]


def test_findings_name_their_rule_and_source() -> None:
    draft = next(d for d in SAMPLES["drafts"] if d["id"] == "d-phone")
    findings = check(COURSE.rules_for("handling-plan"), draft["sections"])
    privacy = next(f for f in findings if f.rule_id == "avoid-privacy")
    assert privacy.source and "第22条" in privacy.source and privacy.section


def test_nothing_written_means_no_hints() -> None:
    assert check(COURSE.rules_for("handling-plan"), {"reception": "  "}) == []
