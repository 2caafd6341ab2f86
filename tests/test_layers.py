"""The layers hold: no module imports a module of a layer above it (docs/architecture.md).

content → logic → state | store → reports → views (widgets) | controllers (live) → pages → app.
Views and controllers never import each other; only pages wire them. Every import counts, also
the ones inside functions.
"""

from __future__ import annotations

import ast
from pathlib import Path

from kit.settings import REPO_ROOT

KIT = REPO_ROOT / "kit"
#: package → its layer; a module may import its own package and lower layers only.
LAYERS = {
    "htmltext": 0, "htmlcharts": 0, "settings": 0, "i18n": 0,
    "content": 1,
    "logic": 2,
    "state": 3, "store": 3,
    "reports": 4,
    "widgets": 5, "live": 5,
    "pages": 6,
    "app": 7, "rehearsal": 7, "testing": 7, "demo": 7, "validate": 7, "serve": 7, "kernels": 7,
    "voila_app": 7, "template_cache": 7, "limits": 7, "fleet": 7,
    "commands": 8, "cli": 8, "__main__": 8, "catalogue": 8,
}
FORBIDDEN = {("widgets", "live"), ("live", "widgets"), ("state", "store"), ("store", "state"),
             ("widgets", "store"), ("widgets", "reports")}


def package_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if parts[0] == "kit" and len(parts) > 1 else None


def imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text("utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
            found += [(node.lineno, f"{node.module}.{a.name}") for a in node.names
                      if node.module == "kit"]
    return found


def upward_imports() -> list[str]:
    bad = []
    for path in sorted(KIT.rglob("*.py")):
        rel = path.relative_to(REPO_ROOT).with_suffix("")
        here = rel.parts[1] if len(rel.parts) > 1 else rel.parts[0]
        if here == "__init__":
            continue
        for line, module in imports(path):
            there = package_of(module)
            if there is None or there == here or there not in LAYERS:
                continue
            if LAYERS[there] > LAYERS[here] or (here, there) in FORBIDDEN:
                bad.append(f"{rel}.py:{line}: {here} → {there} ({module})")
    return bad


def test_every_package_has_a_layer() -> None:
    names = {p.stem if p.is_file() else p.name for p in KIT.iterdir()
             if (p.suffix == ".py" or (p.is_dir() and (p / "__init__.py").exists()))}
    assert names - {"__init__"} <= set(LAYERS), names - set(LAYERS)


def test_no_module_imports_a_layer_above_it() -> None:
    assert upward_imports() == []


def test_views_never_touch_the_store_or_the_controllers() -> None:
    for path in (KIT / "widgets").glob("*.py"):
        text = path.read_text("utf-8")
        assert "kit.store" not in text and "kit.live" not in text, path


def test_the_walk_finds_an_upward_arrow() -> None:
    """The check itself can fail: a view that imports the store is caught."""
    source = "from kit.store import Store\n\n\ndef f() -> None:\n    import kit.live.trainee\n"
    probe = KIT / "widgets" / "_layer_probe.py"
    probe.write_text(source, "utf-8")
    try:
        bad = [b for b in upward_imports() if "_layer_probe" in b]
    finally:
        probe.unlink()
    assert len(bad) == 2 and any("widgets → store" in b for b in bad)
