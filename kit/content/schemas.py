"""JSON Schemas of the content files, for editors that validate YAML as designers type."""

from __future__ import annotations

import json
from pathlib import Path

from kit.content.loader import FILES

SCHEMA_NAMES = {"taxonomy": "taxonomy", "cases": "cases", "quizzes": "items",
                "polls": "items", "templates": "templates", "rubrics": "rubrics",
                "modules": "modules", "rules": "rules", "exemplars": "exemplars",
                "outline": "outline", "ad_rules": "ad_rules", "scenarios": "scenario"}


def schemas() -> dict[str, str]:
    """File name → schema text (stable, sorted keys, trailing newline)."""
    out = {}
    for name, (_, model, _) in FILES.items():
        schema = model.model_json_schema()
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        out[f"{SCHEMA_NAMES[name]}.schema.json"] = (
            json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n")
    return out


def write_schemas(directory: Path) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schemas().items():
        path = directory / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
