"""The spreadsheet round trip on whatever data/ holds now, and faults reported at their cell."""

from __future__ import annotations

import io
import shutil
from contextlib import redirect_stdout
from pathlib import Path

import pytest
from openpyxl import load_workbook

from kit.content import check
from kit.content.workbook.run import export_xlsx
from kit.content.yamlwrite import dumps, load
from kit.validate import run as validate
from tests.content.workbook_helpers import (
    copy_data,
    digest,
    edit,
    export,
    headers,
    run_import,
)

WRITTEN = ("cases/*.yaml", "quizzes/*.yaml", "polls.yaml", "taxonomy.yaml", "rules.yaml")


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """One copy of data/ and its workbook, exported once for the module."""
    root = tmp_path_factory.mktemp("pristine")
    data = copy_data(root)
    return data, export(data, root / "内容.xlsx")


@pytest.fixture
def data(tmp_path: Path, pristine: tuple[Path, Path]) -> Path:
    return Path(shutil.copytree(pristine[0], tmp_path / "data"))


@pytest.fixture
def book(tmp_path: Path, pristine: tuple[Path, Path]) -> Path:
    return Path(shutil.copy(pristine[1], tmp_path / "内容.xlsx"))


def test_ruamel_reproduces_every_file_the_import_may_write(data: Path) -> None:
    """The premise of editing in place: load + dump of an untouched file gives its bytes."""
    for pattern in WRITTEN:
        for path in sorted(data.glob(pattern)):
            assert dumps(load(path)) == path.read_text("utf-8"), path.name


def test_export_then_import_unchanged_leaves_data_byte_identical(data: Path,
                                                                 tmp_path: Path) -> None:
    before = digest(data)
    book = export(data, tmp_path / "导出.xlsx")
    code, out = run_import(data, book)
    assert code == 0, out
    assert "没有需要写入的改动" in out
    assert digest(data) == before


def test_an_edit_changes_that_entry_only_and_a_second_round_trip_changes_nothing(
        data: Path, book: Path, tmp_path: Path) -> None:
    first_case = load_workbook(book)["案例"]["B2"].value

    def retitle(ws: object, cols: dict[str, str]) -> None:
        ws[f"{cols['标题']}2"] = "改过的标题"  # type: ignore[index]

    before = {p: p.read_text("utf-8") for p in data.rglob("*.yaml")}
    code, out = run_import(data, edit(book, "案例", retitle))
    assert code == 0, out
    changed = [p for p, text in before.items() if p.read_text("utf-8") != text]
    assert len(changed) == 1 and first_case in out
    diff = set(before[changed[0]].splitlines()) ^ set(changed[0].read_text("utf-8").splitlines())
    assert len(diff) == 2 and any("改过的标题" in line for line in diff), diff
    assert validate(data, io.StringIO(), schemas=False) == 0
    settled = digest(data)
    again = export(data, tmp_path / "再导出.xlsx")
    code, out = run_import(data, again)
    assert code == 0 and "没有需要写入的改动" in out, out
    assert digest(data) == settled


def _complaint_rows(ws: object, cols: dict[str, str], count: int) -> list[int]:
    rows = [c.row for c in ws[cols["类型"]] if c.value == "投诉案例"]  # type: ignore[index]
    assert len(rows) >= count
    return rows[:count]


def test_planted_faults_are_each_reported_at_their_cell(data: Path, book: Path) -> None:
    at: dict[str, str] = {}

    def plant(ws: object, cols: dict[str, str]) -> None:
        r = _complaint_rows(ws, cols, 7)
        cell = {name: (lambda row, name=name: f"{cols[name]}{row}") for name in cols}
        problem = next(h for h in cols if h.endswith("[problem]"))
        category = next(h for h in cols if h.endswith("[category]"))
        at["unknown"] = cell[problem](r[0])
        ws[at["unknown"]] = "P99"  # type: ignore[index]
        at["duplicate"] = cell["id"](r[1])
        ws[at["duplicate"]] = ws[cell["id"](r[0])].value  # type: ignore[index]
        at["empty"] = cell[category](r[2])
        ws[at["empty"]] = None  # type: ignore[index]
        ws[cell[category.replace(category.split("[")[0], "解析")](r[2])] = None  # type: ignore[index]
        at["cardinality"] = cell[problem](r[3])
        ws[at["cardinality"]] = "P1;P2"  # type: ignore[index]
        at["formula"] = cell["标题"](r[4])
        ws[at["formula"]] = "=A1&B1"  # type: ignore[index]
        at["merged"] = cell["案情"](r[5])
        ws.merge_cells(f"{at['merged']}:{cell['案情'](r[6])}")  # type: ignore[attr-defined]

    before = digest(data)
    code, out = run_import(data, edit(book, "案例", plant))
    assert code == 1
    lines = out.splitlines()
    expect = {"unknown": "不属于维度", "duplicate": "案例 id 重复", "empty": "投诉案例必须填写",
              "cardinality": "是单选维度,只能填 1 个标签", "formula": "单元格是公式",
              "merged": "合并了单元格"}
    for fault, words in expect.items():
        prefix = f"内容.xlsx:案例!{at[fault]}: "
        assert any(ln.startswith(prefix) and words in ln for ln in lines), (fault, out)
    assert len(lines) == len(expect) + 1, out  # one line per fault and the summary, no noise
    assert lines[-1] == "共 6 个问题,未写入任何文件。"
    assert digest(data) == before


def test_quiz_sheet_checks_answers_and_reads_true_false_and_new_rows(data: Path,
                                                                   book: Path) -> None:

    def plant(ws: object, cols: dict[str, str]) -> None:
        ws[f"{cols['答案']}2"] = "Z"  # type: ignore[index]
        ws.append({cols["文件"]: "m1_policy.yaml", cols["id"]: "q-new-tf", cols["模块"]: 1,  # type: ignore[attr-defined]
                   cols["题型"]: "判断", cols["题干"]: "投诉必须受理。", cols["答案"]: "对",
                   cols["解析"]: "银行应当受理。"})
        ws.append({cols["文件"]: "m1_policy.yaml", cols["id"]: "q-new-mc", cols["模块"]: 1,  # type: ignore[attr-defined]
                   cols["题型"]: "多选", cols["题干"]: "选两项", cols["选项A"]: "甲",
                   cols["选项B"]: "乙", cols["选项C"]: "丙", cols["答案"]: "AC",
                   cols["解析"]: "甲和丙。"})
        ws.append({cols["文件"]: "m1_policy.yaml", cols["id"]: "q-new-fw", cols["模块"]: 1,  # type: ignore[attr-defined]
                   cols["题型"]: "多选", cols["题干"]: "全角分号", cols["选项A"]: "甲",
                   cols["选项B"]: "乙", cols["答案"]: "A；B", cols["解析"]: "都对。"})

    code, out = run_import(data, edit(book, "测验题", plant))
    cols = headers(load_workbook(book)["测验题"])
    assert code == 1 and out.count("\n") == 2, out
    assert out.startswith(f"内容.xlsx:测验题!{cols['答案']}2: 答案: 答案 'Z' 不在选项中"), out

    def fix(ws: object, cols: dict[str, str]) -> None:
        ws[f"{cols['答案']}2"] = "C"  # type: ignore[index]

    code, out = run_import(data, edit(book, "测验题", fix))
    assert code == 0, out
    course, problems = check(data)
    assert course is not None, problems
    tf, mc = course.quizzes["q-new-tf"], course.quizzes["q-new-mc"]
    assert [(o.code, o.text) for o in tf.options] == [("T", "正确"), ("F", "错误")]
    assert tf.answer == ("T",) and mc.answer == ("A", "C") and mc.choice == "multi"
    assert course.quizzes["q-new-fw"].answer == ("A", "B")
    text = (data / "quizzes" / "m1_policy.yaml").read_text("utf-8")
    assert "  - id: q-new-mc\n" in text and "      - {code: A, text: 甲}\n" in text


def test_taxonomy_labels_and_rules_round_trip_with_checks(data: Path, book: Path) -> None:

    def new_label(ws: object, cols: dict[str, str]) -> None:
        ws.append(["problem", "P9", "测试标签", "测试用的说明。"])  # type: ignore[attr-defined]

    def use_label(ws: object, cols: dict[str, str]) -> None:
        row = _complaint_rows(ws, cols, 1)[0]
        ws[f"{cols[next(h for h in cols if h.endswith('[problem]'))]}{row}"] = "P9"  # type: ignore[index]

    def clash(ws: object, cols: dict[str, str]) -> None:
        ws[f"{cols['规则集名称']}3"] = "另一个名字"  # type: ignore[index]

    edit(book, "标签", new_label)
    edit(book, "案例", use_label)
    code, out = run_import(data, edit(book, "规则", clash))
    assert code == 1 and "内容.xlsx:规则!B3: 规则集名称: 与同一规则集的第 2 行不一致" in out, out
    wb = load_workbook(book)
    wb["规则"]["B3"] = wb["规则"]["B2"].value
    wb.save(book)
    code, out = run_import(data, book)
    assert code == 0, out
    course, problems = check(data)
    assert course is not None, problems
    assert course.dimension("problem").label("P9") is not None
    text = (data / "taxonomy.yaml").read_text("utf-8")
    assert "        description: 测试用的说明。\n\n  - id: category\n" in text  # layout kept
    assert sum(c.key.get("problem") == ("P9",) for c in course.cases.values()) == 1


def test_moving_every_case_out_of_a_file_removes_it(data: Path, book: Path) -> None:
    source = sorted((data / "cases").glob("*.yaml"))[-1].name

    def move(ws: object, cols: dict[str, str]) -> None:
        for cell in ws[cols["文件"]]:  # type: ignore[index]
            if cell.value == source:
                cell.value = "moved_here.yaml"

    code, out = run_import(data, edit(book, "案例", move))
    assert code == 0, out
    assert not (data / "cases" / source).exists() and (data / "cases" / "moved_here.yaml").exists()
    assert check(data)[0] is not None


def test_dropdowns_come_from_the_taxonomy(book: Path) -> None:
    wb = load_workbook(book)
    ws = wb["案例"]
    cols = {c.value: c.column_letter for c in ws[1]}
    problem = next(h for h in cols if h.endswith("[problem]"))
    found = {str(dv.sqref).split(":")[0]: dv for dv in ws.data_validations.dataValidation}
    dv = found[f"{cols[problem]}2"]
    ref = dv.formula1.split("!")[1].replace("$", "")
    codes = [c.value for row in wb["下拉选项"][ref] for c in row]
    assert codes == [f"P{i}" for i in range(1, 9)] and dv.errorStyle == "stop"
    assert found[f"{cols[next(h for h in cols if h.endswith('[cause]'))]}2"].errorStyle \
        == "information"
    assert wb["下拉选项"].sheet_state == "hidden"


def test_rows_missing_from_the_workbook_are_kept_and_named(data: Path, book: Path) -> None:
    gone = load_workbook(book)["投票题"]["A2"].value
    before = digest(data)
    code, out = run_import(data, edit(book, "投票题", lambda ws, _: ws.delete_rows(2)))
    assert code == 0 and f"data/ 中保持不变:{gone}" in out, out
    assert digest(data) == before


def test_export_refuses_an_item_it_cannot_hold_exactly(data: Path, tmp_path: Path) -> None:
    path = data / "polls.yaml"
    text = path.read_text("utf-8")
    first = text.index("{code: A, text: ")
    path.write_text(text[:first] + "{code: X, text: " + text[first + 16:], "utf-8")
    out = io.StringIO()
    with redirect_stdout(out):
        assert export_xlsx(data, tmp_path / "x.xlsx") == 1
    assert "不是 A、B、C… 的顺序" in out.getvalue() and not (tmp_path / "x.xlsx").exists()


def test_a_missing_column_and_an_unknown_one_are_reported(data: Path, book: Path) -> None:
    def damage(ws: object, cols: dict[str, str]) -> None:
        ws[f"{cols['标题']}1"] = "题目名称"  # type: ignore[index]

    code, out = run_import(data, edit(book, "案例", damage))
    assert code == 1
    assert "内容.xlsx:案例!A1: 标题: 缺少列「标题」" in out, out
    assert "题目名称: 不认识的列标题" in out, out
    assert out.count("\n") == 3, out  # not once more on every row


def test_text_that_starts_with_an_equals_sign_stays_text(data: Path, tmp_path: Path) -> None:
    path = data / "polls.yaml"
    text = path.read_text("utf-8")
    first = text.index("{code: A, text: ") + len("{code: A, text: ")
    path.write_text(text[:first] + "'= 2 + 3 '" + text[text.index("}", first):], "utf-8")
    before = digest(data)
    book = export(data, tmp_path / "等号.xlsx")
    code, out = run_import(data, book)
    assert code == 0 and "没有需要写入的改动" in out, out
    assert digest(data) == before
