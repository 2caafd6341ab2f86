"""Course content: YAML under ``data/`` → validated, frozen models."""

from kit.content.course import Course, CourseInvalid, check, load_course
from kit.content.models import Case, Dimension, Item, Label, Section, Template
from kit.content.problems import Problem
from kit.content.rubric_models import Activity, Module, Rubric

__all__ = [
    "Activity", "Case", "Course", "CourseInvalid", "Dimension", "Item", "Label", "Module",
    "Problem", "Rubric", "Section", "Template", "check", "load_course",
]
