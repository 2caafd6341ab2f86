"""Factories and finders for tests: a store in memory, a seated trainee, a case, widgets by role.

Tests drive pages the way people do (type, tap) and find widgets the way people do (by role
and visible label), never by position in a tree (``children[3]``).
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import ipywidgets as W

from kit.content import Case, Course
from kit.live.runner import Inline, Runner
from kit.store import Store, workshops

__all__ = ["MemoryStore", "all_text", "close", "find", "find_all", "make_case", "memory_store",
           "open_console_as", "open_room", "open_widgets", "seat_trainee", "widgets_in"]


class MemoryStore(Store):
    """SQLite in memory, shared by the store's connections while this object lives."""

    def __init__(self) -> None:
        name = f"kit-{uuid.uuid4().hex}"
        self._keeper = sqlite3.connect(f"file:{name}?mode=memory&cache=shared", uri=True)
        super().__init__(f"sqlite:///file:{name}?mode=memory&cache=shared&uri=true")

    def dispose(self) -> None:
        super().dispose()
        self._keeper.close()


def memory_store() -> MemoryStore:
    return MemoryStore()


def make_case(case_id: str = "t-01", **fields: Any) -> Case:
    """A valid complaint case with every dimension keyed; override any field."""
    base: dict[str, Any] = dict(
        id=case_id, kind="complaint", title="排队太久", modules=(3,), difficulty=1,
        narrative="客户在营业厅等候四十分钟仍未办理,向大堂经理投诉。",
        key={"problem": ("P1",), "category": ("K6",), "channel": ("A1",), "business": ("B1",),
             "cause": ("C01",), "demand": ("D1",), "severity": ("S1",), "rights": ("R2",)})
    base.update(fields)
    return Case.model_validate(base)


# -- finding widgets ---------------------------------------------------------------------------
ROLES: dict[str, tuple[type, ...]] = {
    "button": (W.Button,), "toggle": (W.ToggleButton,), "textbox": (W.Text, W.Textarea),
    "checkbox": (W.Checkbox,), "combobox": (W.Dropdown,), "html": (W.HTML,),
}


def widgets_in(root: Any) -> Iterator[Any]:
    """Every widget shown under ``root``, depth first."""
    yield root
    for child in getattr(root, "children", ()) or ():
        yield from widgets_in(child)


def _label(widget: Any) -> str:
    for name in ("description", "placeholder", "value"):
        value = getattr(widget, name, None)
        if isinstance(value, str) and value:
            return value
    return ""


def find_all(root: Any, role: str, label: str | None = None,
             where: Callable[[Any], bool] | None = None) -> list[Any]:
    """Widgets of ``role`` (button, toggle, textbox, checkbox, combobox, html) whose label
    (description, else placeholder, else value) contains ``label``."""
    kinds = ROLES[role]
    return [w for w in widgets_in(root) if isinstance(w, kinds)
            and (label is None or label in _label(w)) and (where is None or where(w))]


def find(root: Any, role: str, label: str | None = None,
         where: Callable[[Any], bool] | None = None) -> Any:
    """The one widget of ``role`` labelled ``label``; fails with what was there instead."""
    found = find_all(root, role, label, where)
    if len(found) != 1:
        shown = sorted({_label(w)[:30] for w in find_all(root, role)})
        raise LookupError(f"{len(found)} × {role} {label!r}; there are: {shown}")
    return found[0]


def all_text(root: Any) -> str:
    """Every string the subtree sends to the browser, joined (for 'never shows X' checks)."""
    out = []
    for widget in widgets_in(root):
        for name in ("value", "description", "placeholder", "tooltip"):
            value = getattr(widget, name, None)
            if isinstance(value, str):
                out.append(value)
        out += [str(o) for o in getattr(widget, "options", ()) or ()]
    return "\n".join(out)


# -- rooms -------------------------------------------------------------------------------------
def open_room(store: Store, title: str = "测试工作坊", modules: tuple[int, ...] = (3,)
              ) -> tuple[Any, str]:
    """A new workshop: (workshop, instructor key)."""
    return workshops.create(store, title, modules)


def seat_trainee(course: Course, store: Store, code: str, name: str,
                 runner: Runner | None = None) -> Any:
    """A trainee page (controller, view, bridge) that has joined ``code`` as ``name``."""
    from kit.pages.trainee import open_trainee

    session = open_trainee(course, lambda: store, runner or Inline(), autostart=False)
    session.bridge.query = f"code={code}"
    session.page.form.name.value = name
    session.page.form.submit()
    return session


def open_console_as(course: Course, store: Store, code: str, key: str,
                    runner: Runner | None = None) -> Any:
    """A console page (controller, view, bridge) logged in with the key, as an instructor
    does on the login form."""
    from kit.pages.console import open_console

    session = open_console(course, lambda: store, runner or Inline(), autostart=False)
    session.bridge.query, session.bridge.stored = "", {}
    session.page.login.code.value, session.page.login.key.value = code, key
    session.page.login.submit()
    return session


def close(*sessions: Any) -> None:
    """Close pages as a browser tab closing would: every widget they made."""
    from kit.widgets._base import close_tree

    for session in sessions:
        close_tree(getattr(session, "page", session))


def open_widgets() -> set[str]:
    """The model ids of every widget alive in this process (for leak checks)."""
    from ipywidgets.widgets.widget import _instances

    return set(_instances)
