"""Checking a draft against its template. Pure functions."""

from __future__ import annotations

from collections.abc import Mapping

from kit.content import Template
from kit.logic.text import is_blank


def section_count(text: str) -> int:
    """Characters that carry content: whitespace does not count."""
    return sum(1 for ch in text if not ch.isspace())


def completeness(template: Template, sections: Mapping[str, str]) -> list[str]:
    """One Chinese message per section that is empty or shorter than its minimum."""
    problems = []
    for section in template.sections:
        text = sections.get(section.id, "")
        if is_blank(text):
            problems.append(f"「{section.title}」尚未填写")
        elif section_count(text) < section.min_chars:
            problems.append(f"「{section.title}」至少 {section.min_chars} 字"
                            f"(当前 {section_count(text)} 字)")
    return problems
