"""Voilà's page templates are compiled once per server, not once per page (kit.template_cache)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import jinja2
import pytest
from voila.exporter import VoilaExporter

from kit import template_cache
from kit.settings import REPO_ROOT


def exporter(paths: list[str]) -> Any:
    """A page's exporter, as Voilà makes one for every page it renders."""
    return VoilaExporter(template_paths=paths, template_name="kit")


def render(template: jinja2.Template) -> str:
    """Rendered in a thread of its own: an async template's ``render`` runs its own event loop,
    which cannot nest in the loop a browser test session may keep in this thread."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(template.render).result()


def kit_paths() -> list[str]:
    """The kit's page template and the Voilà templates it extends."""
    from voila.paths import collect_template_paths

    return [str(REPO_ROOT / "kit/jupyter/voila/templates/kit"),
            *collect_template_paths(["voila", "nbconvert"], "lab")]


@pytest.fixture
def compiles(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    compile_ = jinja2.Environment.compile

    def counting(self: jinja2.Environment, source: Any, name: str | None = None,
                 *args: Any, **kwargs: Any) -> Any:
        seen.append(str(name))
        return compile_(self, source, name, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    monkeypatch.setattr(template_cache, "TEMPLATES", template_cache.SharedTemplates())
    template_cache.install()
    return seen


def test_the_second_page_compiles_no_template(compiles: list[str]) -> None:
    paths = kit_paths()
    assert any(Path(p).is_relative_to(REPO_ROOT) for p in paths)  # the kit's own template too
    exporter(paths).environment.get_template("index.html.j2")
    first = len(compiles)
    assert first >= 1, compiles
    exporter(paths).environment.get_template("index.html.j2")
    assert compiles[first:] == []


def test_an_edited_template_is_compiled_afresh(compiles: list[str], tmp_path: Path) -> None:
    page = tmp_path / "page.j2"
    rendered = []
    for text in ("one {{ 1 }}", "one {{ 1 }}", "two {{ 2 }}", "two {{ 2 }}"):
        page.write_text(text, encoding="utf-8")
        template = exporter([str(tmp_path), *kit_paths()]).environment.get_template("page.j2")
        rendered.append(render(template))
    assert rendered == ["one 1", "one 1", "two 2", "two 2"]
    assert compiles.count("page.j2") == 2  # the first page, and the first after the edit


def test_sync_and_async_code_are_kept_apart(compiles: list[str]) -> None:
    loader = jinja2.DictLoader({"t": "{{ 6 * 7 }}"})
    for is_async in (False, True, False, True):
        env = jinja2.Environment(loader=loader, enable_async=is_async,
                                 bytecode_cache=template_cache.TEMPLATES)
        assert render(env.get_template("t")) == "42"
    assert compiles == ["t", "t"]
