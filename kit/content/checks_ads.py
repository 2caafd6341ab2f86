"""Cross-reference checks for the copy checker's rules (``data/ad_rules.yaml``)."""

from __future__ import annotations

from kit.content.ad_models import AdRuleFile
from kit.content.checks import Report, dimensions, duplicates
from kit.i18n import _


def check_ad_rules(report: Report) -> None:
    codes = set(d.codes) if (d := dimensions(report.parsed).get("ad_rule")) else None
    for f, af, loc in report.parsed.of("ad_rules", AdRuleFile):
        duplicates(report, ((r.id, (f, loc), ("rules", i, "id"))
                            for i, r in enumerate(af.rules)), _("文案规则 id "))
        for i, rule in enumerate(af.rules):
            for key, code in [("code", rule.code), *(("yields_to", c) for c in rule.yields_to)]:
                if codes is not None and code not in codes:
                    report.add((f, loc), ("rules", i, key),
                               _("{code} 不是 taxonomy.yaml 中 ad_rule 维度的标签").format(
                                   code=repr(code)))
            if rule.marks and rule.kind != "avoid":
                report.add((f, loc), ("rules", i, "marks"), _("只有 avoid 规则可以设置 marks"))
            if rule.kind == "require" and rule.unless:
                report.add((f, loc), ("rules", i, "unless"),
                           _("require 规则不用 unless，请写进 patterns"))
