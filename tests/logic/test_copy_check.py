"""The copy checker on its tuning set, the shipped copy cases, and the cases the issue named."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from kit.content import load_course
from kit.content.ad_models import AdRuleFile
from kit.logic.copycheck import review
from kit.logic.copycheck.compare import compare_class
from kit.logic.copycheck.metrics import score, table
from kit.settings import REPO_ROOT

COURSE = load_course(REPO_ROOT / "data")
assert COURSE.ad_rules is not None
RULES: AdRuleFile = COURSE.ad_rules
FIXTURES = Path(__file__).parent.parent / "fixtures" / "copy"
#: Tuned on: tune.yaml, and late.yaml and fresh.yaml after their first (blind) runs.
TUNE = [s for name in ("tune.yaml", "late.yaml", "fresh.yaml")
        for s in yaml.safe_load((FIXTURES / name).read_text("utf-8"))["samples"]]
COPY_CASES = [c for c in COURSE.cases.values() if c.kind == "copy"]
#: Reviewed exceptions: keyed codes that depend on a fact the copy's text cannot show.
NOT_IN_TEXT = {"copy-12": {"M8"}}  # the warning is there, but in tiny grey type (a fact)


def codes(text: str) -> set[str]:
    return set(review(text, RULES).codes)


@pytest.mark.parametrize("sample", TUNE, ids=lambda s: s["id"])
def test_tuning_set(sample: dict[str, object]) -> None:
    assert codes(str(sample["text"])) == set(sample["expect"])  # type: ignore[call-overload]


@pytest.mark.parametrize("case", COPY_CASES, ids=lambda c: c.id)
def test_the_checker_agrees_with_the_keyed_copy_cases(case: object) -> None:
    key = set(case.key["ad_rule"]) - {"M0"}  # type: ignore[attr-defined]
    expected = key - NOT_IN_TEXT.get(case.id, set())  # type: ignore[attr-defined]
    assert codes(case.narrative) == expected  # type: ignore[attr-defined]


@pytest.mark.parametrize(("text", "code"), [
    ("本产品经监管部门严格审批认证，放心选择。理财非存款，产品有风险，投资须谨慎。", "M6"),
    ("本理财有国家信用背书。理财非存款，产品有风险，投资须谨慎。", "M6"),
    ("我行是政府指定的代销银行，理财非存款，产品有风险，投资须谨慎。", "M6"),
    ("这款基金定投像定期存款一样每月存入。基金有风险，投资须谨慎。", "M5"),
    ("账单分期，每期手续费率低至0.5%，立即申请！", "M11"),
])
def test_the_misses_the_issue_listed_are_found(text: str, code: str) -> None:
    assert code in codes(text)


def test_an_insurance_leaflet_that_names_insurer_and_risks_is_clean() -> None:
    case = COURSE.cases["copy-14"]
    assert "保险" in case.narrative and codes(case.narrative) == set()


@pytest.mark.parametrize("text", [
    "本产品为非保本浮动收益型，不保证收益。理财非存款，产品有风险，投资须谨慎。",
    "业绩比较基准3.2%（年化）不代表产品未来表现和实际收益。理财非存款，产品有风险，投资须谨慎。",
    "本产品不承诺保本，可能亏损本金。基金有风险，投资须谨慎。",
    "警惕“保本高息、零风险”的投资骗局，XX银行提醒您守护好钱袋子。",
])
def test_negation_qualification_and_warnings_are_not_violations(text: str) -> None:
    assert codes(text) == set()


@pytest.mark.parametrize(("text", "code", "fixed"), [
    ("随心贷，最高20万元，当天到账。", "M11", "随心贷，年化利率（单利）4%—7%，当天到账。"),
    ("“周周享”理财，业绩比较基准2.9%（年化），1元起购。", "M8",
     "“周周享”理财，业绩比较基准2.9%（年化），1元起购。理财非存款，产品有风险，投资须谨慎。"),
    ("“福寿”两全保险，交费期十年，详询柜台。", "M5",
     "“福寿”两全保险由XX人寿保险股份有限公司承保，交费期十年，详询柜台。"),
])
def test_what_must_be_present(text: str, code: str, fixed: str) -> None:
    found = review(text, RULES)
    assert code in found.codes and any(f.missing for f in found.findings if f.code == code)
    assert code not in codes(fixed)


def test_findings_name_code_span_title_source_and_rewrite() -> None:
    for sample in TUNE:
        text = str(sample["text"])
        for f in review(text, RULES).findings:
            assert f.code in {lab.code for lab in COURSE.dimension("ad_rule").labels}
            assert f.missing or text[f.start:f.end] == f.matched != ""
            assert f.title and f.rewrite and f.message and f.citation
            assert not any(m in f.citation for m in ("[V]", "[S]", "[K]", "[U]"))


def test_spoken_scripts_are_judged_by_what_they_say() -> None:
    """A counter script is not a poster: no risk-warning requirement (content-style rule)."""
    assert codes(COURSE.cases["copy-05"].narrative) == {"M5"}


def test_people_against_the_checker() -> None:
    out = compare_class({"copy-06": [["M1"], ["M1", "M8"], ["M0"]], "copy-14": [["M5"], ["M0"]]},
                        {"copy-06": [], "copy-14": []}, {"copy-06": ["M0"], "copy-14": ["M0"]})
    first = {v.code: v for v in out[0].votes}
    assert out[0].answered == 3 and first["M1"].raised_by == 2 and first["M1"].differs
    assert not first["M8"].differs and first["M8"].key is False
    assert [v.code for v in out[1].differences] == ["M5"]  # half the class, the checker not


def test_precision_and_recall_per_code() -> None:
    s = score({"a": ["M1"], "b": [], "c": ["M1", "M8"]}, {"a": ["M1"], "b": ["M1"], "c": ["M1"]})
    m1, m8 = s.per_code
    assert (m1.tp, m1.fp, m1.fn, m8.fn) == (2, 1, 0, 1)
    assert s.clean == 1 and s.clean_flagged == 1 and "| M8 | 0 | 0 | 1 |" in table(s)
