"""The JSON Schemas under data/schemas are the models' own (``kit validate`` writes them)."""

from __future__ import annotations

from kit.content.schemas import schemas
from kit.settings import REPO_ROOT


def test_the_committed_schemas_are_current() -> None:
    folder = REPO_ROOT / "data" / "schemas"
    for name, text in schemas().items():
        assert (folder / name).read_text(encoding="utf-8") == text, (
            f"{name} 已过期:请运行 python -m kit validate")


def test_titles_and_prompts_may_carry_english() -> None:
    found = schemas()
    for name in ("modules.schema.json", "cases.schema.json", "items.schema.json"):
        assert '"en"' in found[name], name
