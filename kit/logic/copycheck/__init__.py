"""The copy checker (消保审查 of marketing copy): pure logic over ``data/ad_rules.yaml``.

``review(text, rules)`` reads a piece of copy and returns its findings, each naming the ad_rule
code (M1–M12), the matched span, the rule's title, its source and a suggested rewrite. The
method, and why it is patterns with context windows rather than a tokenizer or a classifier,
is in ``docs/copy-check.md``.
"""

from kit.logic.copycheck.engine import review, review_all
from kit.logic.copycheck.findings import Finding, Review, code_key

__all__ = ["Finding", "Review", "code_key", "review", "review_all"]
