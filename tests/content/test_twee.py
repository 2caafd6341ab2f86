"""Twee 3 (Twine) import and export: the spec's header rules, Twine's link forms, round trips."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from kit.content import load_course
from kit.content.scenario_io import export_twee, import_twee
from kit.content.scenario_models import Scenario
from kit.content.twee import Passage, escape, parse, write
from kit.content.twee_import import _link, from_twee
from kit.content.twee_scenario import TweeProblem, to_passages
from kit.settings import REPO_ROOT

SCENARIOS = sorted(load_course(REPO_ROOT / "data").scenarios.values(), key=lambda s: s.id)


def test_headers_follow_the_twee3_specification() -> None:
    twee = parse("前言\n:: An overgrown path [forest spooky] {\"position\":\"600,400\"}\n"
                 "Text.\n\n\n:: A \\[bracketed\\] name\\\\x {not json}\nBody\n:: Plain\n")
    first, second, third = twee.passages
    assert (first.name, first.tags, first.metadata, first.text) == (
        "An overgrown path", ("forest", "spooky"), {"position": "600,400"}, "Text.")
    assert first.line == 2                        # trailing blank lines dropped, lines kept
    assert second.name == "A [bracketed] name\\x" and second.metadata == {}
    assert third.text == "" and third.tags == ()
    assert any("JSON" in w for w in twee.warnings) and any("第 1 行" in w for w in twee.warnings)
    assert escape("a[b]{c}\\d") == "a\\[b\\]\\{c\\}\\\\d"
    again = parse(write([Passage("A [x]", ("t",), {"size": "100,100"}, "正文")]))
    assert again.passages[0].name == "A [x]" and again.passages[0].text == "正文"


@pytest.mark.parametrize(("inner", "expected"), [
    ("回应->next", ("回应", "next")), ("a->b->c", ("a->b", "c")), ("next<-回应", ("回应", "next")),
    ("回应|next", ("回应", "next")), ("next", ("next", "next")),
    ("回应->next][$x to 1", ("回应", "next")),
])
def test_twine_link_forms(inner: str, expected: tuple[str, str]) -> None:
    assert _link(inner) == expected


@pytest.mark.parametrize("sc", SCENARIOS, ids=lambda s: s.id)
def test_every_shipped_scenario_round_trips_losslessly(sc: Scenario) -> None:
    text = write(to_passages(sc))
    back = Scenario.model_validate(from_twee(parse(text)).data)
    assert back == sc                              # YAML → Twee → YAML: the same scenario
    assert write(to_passages(back)) == text        # Twee → YAML → Twee: the same text
    assert ":: StoryData" in text and "[kit-node]" in text and "<!-- kit" in text


def test_export_refuses_what_a_twine_link_cannot_hold() -> None:
    data = SCENARIOS[0].model_dump(mode="json")
    data["nodes"][0]["choices"][0]["text"] = "A|B"
    with pytest.raises(TweeProblem, match=r"第 1 个回应.*\|"):
        to_passages(Scenario.model_validate(data))
    data["nodes"][0]["choices"][0]["text"] = "好的"
    data["nodes"][0]["customer"] = "请看 [[这里]]"
    with pytest.raises(TweeProblem, match="客户台词"):
        to_passages(Scenario.model_validate(data))


SKETCH = """:: StoryTitle
草稿:挂失

:: StoryData
{"ifid": "D674C58C-DEFA-4F70-B7A2-27742230C0FC", "start": "开场", "format": "Harlowe"}

:: 开场 {"position":"100,100"}
//客户冲进大厅。//
我的卡丢了!

[[您别急,我马上帮您挂失->done]]
[[先取号排队吧->走了]]

:: done
挂失成功

客户放心地离开了。

:: 走了
客户走了

客户很生气。

:: Script [script]
window.x = 1;
"""


def test_a_story_drafted_in_twine_is_imported_with_what_is_missing_listed(
        tmp_path: Path) -> None:
    src, out = tmp_path / "draft.twee", tmp_path / "scenarios" / "draft.yaml"
    src.write_text(SKETCH, "utf-8")
    lines, code = import_twee(src, out)
    assert code == 1 and out.exists()              # written, so nothing is lost
    report = "\n".join(lines)
    assert "'开场' 不能作为 id,已改为 'p1'" in report and "脚本与样式段落" in report
    assert "kit 注释中有 0 条回应数据" in report and "KitScenario" in report
    assert f"{out.parent}/draft.yaml:" in report and "缺少必填字段" in report
    data = yaml.safe_load(out.read_text("utf-8"))
    assert data["title"] == "草稿:挂失" and data["start"] == "p1"
    node = data["nodes"][0]
    assert node["narration"] == "客户冲进大厅。" and node["customer"] == "我的卡丢了!"
    assert [c["next"] for c in node["choices"]] == ["done", "p2"]
    assert [(e["id"], e["verdict"]) for e in data["endings"]] == [("done", "挂失成功"),
                                                                 ("p2", "客户走了")]


def test_files_are_never_overwritten_unasked(tmp_path: Path) -> None:
    src = REPO_ROOT / "data" / "scenarios" / "service-open-account.yaml"
    twee_file, yaml_file = tmp_path / "a.twee", tmp_path / "a.yaml"
    assert export_twee(src, twee_file)[1] == 0
    assert import_twee(twee_file, yaml_file)[1] == 0
    before = yaml_file.read_text("utf-8")
    lines, code = import_twee(twee_file, yaml_file)
    assert code == 1 and "已存在" in lines[0] and yaml_file.read_text("utf-8") == before
    assert import_twee(twee_file, yaml_file, force=True)[1] == 0
    assert import_twee(tmp_path / "none.twee", tmp_path / "b.yaml")[0] == [
        f"{tmp_path / 'none.twee'}:找不到文件"]
    (tmp_path / "bin.twee").write_bytes(b"\xff\xfe::")
    assert "UTF-8" in import_twee(tmp_path / "bin.twee", tmp_path / "c.yaml")[0][0]
