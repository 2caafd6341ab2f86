"""`python -m kit validate`: shipped content passes; each broken fixture names file:line."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kit.settings import REPO_ROOT
from kit.validate import run

FIXTURES = Path(__file__).parent.parent / "fixtures" / "content"
BROKEN = sorted(p.name for p in (FIXTURES / "broken").iterdir() if p.is_dir())


def fixture_dir(tmp_path: Path, name: str | None) -> Path:
    target = tmp_path / "data"
    shutil.copytree(FIXTURES / "base", target)
    if name:
        shutil.copytree(FIXTURES / "broken" / name, target, dirs_exist_ok=True)
        (target / "expected.txt").unlink()
    return target


def validate(data: Path) -> tuple[int, str]:
    out = io.StringIO()
    return run(data, out, schemas=False), out.getvalue()


def test_shipped_content_is_valid() -> None:
    proc = subprocess.run([sys.executable, "-m", "kit", "validate", "--no-schemas"],
                          cwd=REPO_ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.startswith("校验通过:")


def test_base_fixture_is_valid(tmp_path: Path) -> None:
    code, out = validate(fixture_dir(tmp_path, None))
    assert code == 0, out
    assert out.count("\n") == 1 and "案例 1" in out


@pytest.mark.parametrize("name", BROKEN)
def test_broken_fixture_names_file_and_line(tmp_path: Path, name: str) -> None:
    expected = (FIXTURES / "broken" / name / "expected.txt").read_text("utf-8").strip()
    code, out = validate(fixture_dir(tmp_path, name))
    assert code == 1
    assert any(line.startswith(expected) for line in out.splitlines()), out
    assert out.rstrip().splitlines()[-1].startswith("校验未通过")


def test_every_error_is_reported_not_only_the_first(tmp_path: Path) -> None:
    data = fixture_dir(tmp_path, "cardinality")
    text = (data / "cases" / "a.yaml").read_text("utf-8").replace("[R2, R7]", "[R2, R9]")
    (data / "cases" / "a.yaml").write_text(text, "utf-8")
    code, out = validate(data)
    assert code == 1
    assert "cases/a.yaml:13:" in out and "cases/a.yaml:14:" in out


def test_required_fixture_kinds_are_present() -> None:
    need = {"yaml_syntax", "unknown_label", "duplicate_id", "missing_key", "wrong_type",
            "dangling_ref", "cardinality"}
    assert need <= set(BROKEN)


def test_oversized_file_is_refused(tmp_path: Path) -> None:
    data = fixture_dir(tmp_path, None)
    filler = "# " + "填充" * 100 + "\n"
    (data / "polls.yaml").write_text(filler * 17_000, "utf-8")  # ≈ 10 MB
    code, out = validate(data)
    assert code == 1 and "polls.yaml:1:" in out and "文件过大" in out


def test_schemas_are_written_and_current(tmp_path: Path) -> None:
    data = fixture_dir(tmp_path, None)
    assert run(data, io.StringIO()) == 0
    written = sorted(p.name for p in (data / "schemas").iterdir())
    shipped = sorted(p.name for p in (REPO_ROOT / "data" / "schemas").iterdir())
    assert written == shipped
    for name in written:
        assert (data / "schemas" / name).read_text("utf-8") == (
            REPO_ROOT / "data" / "schemas" / name).read_text("utf-8"), name
