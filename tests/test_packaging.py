"""Packaging stays honest: environment.yml mirrors pyproject.toml; notebooks carry no outputs."""

from __future__ import annotations

import json
import re
import subprocess
import tomllib
from pathlib import Path

import yaml

from kit.settings import REPO_ROOT

ALIASES = {"psycopg[binary]": "psycopg"}


def _split(req: str) -> tuple[str, str]:
    name, spec = re.match(r"^([A-Za-z0-9_.\-\[\]]+)\s*(.*)$", req.strip()).groups()  # type: ignore[union-attr]
    name = ALIASES.get(name, name).lower().replace("_", "-")
    return name, spec.replace(" ", "")


def test_environment_yml_matches_pyproject() -> None:
    project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    wanted = dict(map(_split, project["dependencies"] + project["optional-dependencies"]["test"]))
    env = yaml.safe_load((REPO_ROOT / "environment.yml").read_text("utf-8"))
    listed = dict(_split(d) for d in env["dependencies"] if isinstance(d, str))
    listed.pop("pip"), listed.pop("python")
    assert listed == wanted


def tracked_notebooks() -> list[Path]:
    out = subprocess.run(["git", "ls-files", "*.ipynb"], cwd=REPO_ROOT, capture_output=True,
                         text=True, check=True).stdout.split()
    return [REPO_ROOT / p for p in out] or sorted(REPO_ROOT.glob("[we]*/*.ipynb"))


def test_notebooks_are_committed_without_outputs() -> None:
    notebooks = tracked_notebooks()
    assert notebooks
    for path in notebooks:
        cells = json.loads(path.read_text("utf-8"))["cells"]
        for cell in cells:
            if cell["cell_type"] == "code":
                assert cell.get("outputs") == [] and cell.get("execution_count") is None, path


def test_every_module_has_its_notebook_with_a_chinese_title() -> None:
    modules = yaml.safe_load((REPO_ROOT / "data" / "modules.yaml").read_text("utf-8"))["modules"]
    pages = [m["notebook"] for m in modules] + ["workshops/00_course_map.ipynb",
                                                 "workshops/console.ipynb",
                                                 "workshops/projector.ipynb",
                                                 "exercises/trainee.ipynb"]
    for page in pages:
        path = REPO_ROOT / page
        assert path.exists(), f"{page} is named in modules.yaml or served by kit serve, but missing"
        title = json.loads(path.read_text("utf-8"))["metadata"].get("title", "")
        assert re.search(r"[\u4e00-\u9fff]", title), page
