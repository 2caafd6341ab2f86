"""Graph checks of role-play scenarios in `kit validate`: each fault names its file:line."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from kit.settings import REPO_ROOT
from kit.validate import run

FIXTURES = Path(__file__).parent.parent / "fixtures" / "content"
MINI = FIXTURES / "broken" / "scenario_loop" / "scenarios" / "mini.yaml"  # the loop fixture


def data_with(tmp_path: Path, text: str, extra: dict[str, str] | None = None) -> Path:
    target = tmp_path / "data"
    shutil.copytree(FIXTURES / "base", target)
    (target / "scenarios").mkdir()
    (target / "scenarios" / "mini.yaml").write_text(text, "utf-8")
    for name, content in (extra or {}).items():
        (target / name).write_text(content, "utf-8")
    return target


def validate(data: Path) -> tuple[int, list[str]]:
    out = io.StringIO()
    code = run(data, out, schemas=False)
    return code, out.getvalue().splitlines()


@pytest.mark.parametrize(("fixture", "where", "words"), [
    ("scenario_dangling", "scenarios/mini.yaml:39: nodes[1].choices[1].next:", "'helo' 不存在"),
    ("scenario_unreachable", "scenarios/mini.yaml:44: nodes[2].id:", "'aside' 无法到达"),
    ("scenario_loop", "scenarios/mini.yaml:39: nodes[1].choices[1].next:", "无尽循环"),
    ("scenario_mood", "scenarios/mini.yaml:34: nodes[1].choices[0].mood:", "变为 -5"),
])
def test_each_graph_fault_names_its_line(tmp_path: Path, fixture: str, where: str,
                                         words: str) -> None:
    text = (FIXTURES / "broken" / fixture / "scenarios" / "mini.yaml").read_text("utf-8")
    code, lines = validate(data_with(tmp_path, text))
    assert code == 1
    assert [ln for ln in lines if ln.startswith(where) and words in ln], lines
    assert len(lines) == 2, lines  # one problem and the closing line: no noise


def test_a_loop_that_raises_the_mood_ends_and_is_counted(tmp_path: Path) -> None:
    rising = MINI.read_text("utf-8").replace("next: hello\n        mood: 10",
                                             "next: hello\n        mood: 20")
    code, lines = validate(data_with(tmp_path, rising))
    assert code == 0, lines
    # hello(50) → talk(40) → hello(60) → talk(50) → hello(70) → … until 90 forces «gone»
    assert lines[1] == "  情景 mini「测试情景」:10 条路径,最高 100 分,最低 0 分", lines


@pytest.mark.parametrize(("old", "new", "where", "words"), [
    ("start: hello", "start: done", "scenarios/mini.yaml:12: start:", "(它是结局)"),
    ("    ending: gone", "    ending: gon", "scenarios/mini.yaml:11: breaks[0].ending:",
     "'gon' 不存在"),
    ("  - at: 90", "  - at: 50", "scenarios/mini.yaml:10: breaks[0].at:", "已达到阈值"),
    ("        skills: [接待]\n        quality: poor", "        skills: [接待, 合规]\n"
     "        quality: poor", "scenarios/mini.yaml:23: nodes[0].choices[1]:", "rule"),
    ("  - id: done", "  - id: talk", "scenarios/mini.yaml:45: endings[0].id:", "重复"),
])
def test_structure_problems(tmp_path: Path, old: str, new: str, where: str, words: str) -> None:
    text = MINI.read_text("utf-8").replace("next: hello\n        mood: 10",
                                           "next: gone\n        mood: 20")
    assert old in text
    code, lines = validate(data_with(tmp_path, text.replace(old, new, 1)))
    assert code == 1
    assert [ln for ln in lines if ln.startswith(where) and words in ln], lines


def test_revisit_links_must_be_outline_items(tmp_path: Path) -> None:
    text = MINI.read_text("utf-8").replace("next: hello\n        mood: 10",
                                           "next: gone\n        mood: 20")
    outline = (REPO_ROOT / "data" / "outline.yaml").read_text("utf-8")
    outline = "\n".join(ln for ln in outline.splitlines() if "activities:" not in ln)
    data = data_with(tmp_path, text.replace('revisit: ["6.1"]', 'revisit: ["6.9"]', 1),
                     {"outline.yaml": outline})
    code, lines = validate(data)
    assert code == 1
    assert any(ln.startswith("scenarios/mini.yaml:50: endings[0].revisit[0]:")
               and "'6.9'" in ln for ln in lines), lines


def test_a_roleplay_activity_must_name_a_scenario(tmp_path: Path) -> None:
    text = MINI.read_text("utf-8").replace("next: hello\n        mood: 10",
                                           "next: gone\n        mood: 20")
    data = data_with(tmp_path, text)
    modules = (data / "modules.yaml").read_text("utf-8")
    act = ("      - id: rp\n        kind: roleplay\n        title: 演练\n"
           "        scenario: nothere\n")
    (data / "modules.yaml").write_text(modules.replace("    activities:\n",
                                                       "    activities:\n" + act, 1), "utf-8")
    code, lines = validate(data)
    assert code == 1
    assert any("activities[0].scenario:" in ln and "'nothere' 不存在" in ln for ln in lines)
    (data / "modules.yaml").write_text(modules.replace("    activities:\n", "    activities:\n"
                                       + act.replace("nothere", "mini"), 1), "utf-8")
    assert validate(data)[0] == 0
