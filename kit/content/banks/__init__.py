"""Question banks from other tools (Moodle GIFT, Aiken, Moodle XML) → draft quiz items.

Each parser reads one format into a :class:`~kit.content.banks.common.Bank`: the questions the
kit can use (single choice, multiple choice, true/false) and, with its line number, every
question it cannot (an essay, a matching question, a syntax error). Nothing is dropped silently.
"""

from kit.content.banks.common import Bank, BankOption, BankQuestion, Skipped
from kit.i18n import _

__all__ = ["Bank", "BankOption", "BankQuestion", "Skipped", "parse"]

FORMATS = ("gift", "aiken", "moodle-xml")


def parse(text: str, fmt: str) -> Bank:
    """Parse ``text`` in one of :data:`FORMATS`."""
    if fmt == "gift":
        from kit.content.banks.gift import parse_gift

        return parse_gift(text)
    if fmt == "aiken":
        from kit.content.banks.aiken import parse_aiken

        return parse_aiken(text)
    if fmt == "moodle-xml":
        from kit.content.banks.moodle_xml import parse_moodle_xml

        return parse_moodle_xml(text)
    raise ValueError(_("不支持的题库格式:{format}(可用:{formats})").format(
        format=fmt, formats="、".join(FORMATS)))
