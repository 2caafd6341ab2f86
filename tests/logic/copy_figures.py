"""Writes the precision/recall tables of docs/copy-check.md from the checker's actual output.

Run ``.venv/bin/python -m tests.logic.copy_figures`` after changing data/ad_rules.yaml;
``test_copy_check_docs.py`` fails while the document is stale.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from kit.content import load_course
from kit.logic.copycheck import review
from kit.logic.copycheck.metrics import score, table
from kit.settings import REPO_ROOT

DOC = REPO_ROOT / "docs" / "copy-check.md"
START, END = "<!-- figures:start -->", "<!-- figures:end -->"
FIXTURES = Path(__file__).parent.parent / "fixtures" / "copy"


def _samples(name: str) -> dict[str, tuple[str, list[str]]]:
    rows = yaml.safe_load((FIXTURES / name).read_text("utf-8"))["samples"]
    return {s["id"]: (s["text"], list(s["expect"])) for s in rows}


def _shipped() -> dict[str, tuple[str, list[str]]]:
    course = load_course(REPO_ROOT / "data")
    return {c.id: (c.narrative, [k for k in c.key["ad_rule"] if k != "M0"])
            for c in course.cases.values() if c.kind == "copy"}


def _section(title: str, sets: dict[str, tuple[str, list[str]]]) -> str:
    rules = load_course(REPO_ROOT / "data").ad_rules
    assert rules is not None
    found = {k: list(review(text, rules).codes) for k, (text, _) in sets.items()}
    return f"### {title}\n\n" + table(score({k: v for k, (_, v) in sets.items()}, found))


def figures() -> str:
    heldout, final, shipped = _samples("heldout.yaml"), _samples("final.yaml"), _shipped()
    parts = [_section(f"留出集 heldout.yaml（{len(heldout)} 条，写于检查器之前，从未用于调参）",
                      heldout),
             _section(f"课程自带的文案案例（{len(shipped)} 条，data/cases/copy_m2.yaml）", shipped),
             _section("留出集与课程案例合计", {**heldout, **shipped}),
             _section(f"最后的留出集 final.yaml（{len(final)} 条，写于规则定稿之后，从未用于调参）",
                      final)]
    return "\n\n".join(parts)


def rendered(doc: str) -> str:
    head, rest = doc.split(START, 1)
    _, tail = rest.split(END, 1)
    return f"{head}{START}\n{figures()}\n{END}{tail}"


def main() -> None:
    DOC.write_text(rendered(DOC.read_text("utf-8")), "utf-8")


if __name__ == "__main__":
    main()
