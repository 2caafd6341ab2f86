"""The free-text matcher: explainable, refuses when unsure, and measured on paraphrases."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from kit.content import load_course
from kit.logic.matcher import _idf, grams, match, normalise
from kit.settings import REPO_ROOT

FIXTURES = Path(__file__).parent.parent / "fixtures"
COURSE = load_course(REPO_ROOT / "data")
PRODUCT = [("这个产品是保本的,您放心买", "保本保收益"),
           ("这款产品不保本,我不能承诺收益", "不能跟您保证保本"),
           ("您先坐,我们慢慢说", "先坐下聊")]


def test_normalise_drops_punctuation_particles_and_width() -> None:
    assert normalise("您好!这个ＡＢＣ,行吗?") == "您好这个abc行"
    assert "保本" in grams("保本的吗") and "的" not in "".join(grams("保本的吗"))


def test_negation_counts_more_than_the_shared_word() -> None:
    found = match("我可不能跟您保证这个保本", PRODUCT)
    assert found.index == 1 and "保证" in found.shared
    assert match("放心,保本保收益的", PRODUCT).index == 0


def test_what_tells_the_choices_apart_weighs_more_than_what_they_share() -> None:
    options = [("您先别着急，我马上帮您查一下记录",), ("您先别着急，理财产品不保本也不保收益",),
               ("您先别着急，请到接待室坐",)]
    weights = _idf([grams(p[0]) for p in options])
    assert weights["保本"] > weights["别着"]
    found = match("您先别着急，我跟您说实话，不保本", options)
    assert found.index == 1 and found.score - found.runner_up > 0.1


def test_unclear_or_unrelated_replies_are_refused() -> None:
    assert match("今天天气不错", PRODUCT).index is None
    assert match("", PRODUCT).index is None
    twins = [("请您稍等一下", "稍等"), ("请您稍等一下", "稍等片刻")]
    assert match("请您稍等", twins).index is None  # a tie is not a match


def accuracy(name: str) -> tuple[int, int, list[str]]:
    ok, total, misses = 0, 0, []
    for entry in yaml.safe_load((FIXTURES / name).read_text("utf-8")):
        node = COURSE.scenarios[entry["scenario"]].node(entry["node"])
        assert node is not None, entry
        options = [(c.text, *c.examples) for c in node.choices]
        for want, said in entry["cases"]:
            found = match(said, options)
            got = 0 if found.index is None else found.index + 1
            total += 1
            ok += got == want
            if got != want:
                misses.append(f"{entry['node']}: {said} → {got}(应为 {want})")
    return ok, total, misses


@pytest.mark.parametrize(("name", "floor"), [("roleplay_paraphrases.yaml", 0.95),
                                             ("roleplay_paraphrases_hard.yaml", 0.9)])
def test_accuracy_on_written_paraphrases(name: str, floor: float,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    ok, total, misses = accuracy(name)
    with capsys.disabled():
        print(f"\n{name}: {ok}/{total} = {ok / total:.1%}", *misses, sep="\n  ")
    assert total >= 80 and ok / total >= floor, misses
    assert not [m for m in misses if m.endswith("(应为 0)")], "an unrelated reply was matched"


def test_paraphrases_are_not_the_examples_themselves() -> None:
    """Held out: no test sentence is a choice's text or example verbatim."""
    known = {normalise(p) for sc in COURSE.scenarios.values() for n in sc.nodes
             for c in n.choices for p in (c.text, *c.examples)}
    for name in ("roleplay_paraphrases.yaml", "roleplay_paraphrases_hard.yaml"):
        for entry in yaml.safe_load((FIXTURES / name).read_text("utf-8")):
            for _, said in entry["cases"]:
                assert normalise(said) not in known, said
