"""The base of every view: an escaped notice, action buttons, an error boundary, clean closing."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import ipywidgets as W

from kit.htmltext import esc
from kit.i18n import N_, _
from kit.state.common import Done, Note

__all__ = ["FALLBACK", "ActionButton", "Notice", "View", "close_tree", "error_boundary", "esc",
           "replace_children"]
log = logging.getLogger("kit.widgets")
F = TypeVar("F", bound=Callable[..., Any])
FALLBACK = N_("出了点问题,操作没有完成。请再试一次;如果仍不行,请告诉讲师。")
_CLASSES = {"error": "kit-error", "ok": "kit-ok", "info": ""}


class Notice(W.HTML):
    """A one-line message for the user; its text is always escaped."""

    value: str

    def show(self, text: str, kind: str = "info") -> None:
        role = "alert" if kind == "error" else "status"  # announced by screen readers
        value = (f'<span class="{_CLASSES.get(kind, "")}" role="{role}">{esc(text)}</span>'
                 if text else "")
        if self.value != value:
            self.value = value

    def note(self, note: Note | None) -> None:
        self.show(note.text, note.kind) if note is not None else self.show("")


def error_boundary(method: F) -> F:
    """A view's event handler fails kindly: a Chinese message on the view's ``notice``, the
    traceback in the ``kit`` log (server terminal and the console's 问题 panel), never on the
    page."""

    @functools.wraps(method)
    def wrapper(self: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return method(self, *args, **kwargs)
        except Exception:
            log.exception("页面操作失败:%s", method.__qualname__)
            notice = getattr(self, "notice", None)
            if isinstance(notice, Notice):
                notice.show(_(FALLBACK), "error")
        return None

    return wrapper  # type: ignore[return-value]


class ActionButton(W.Button):
    """A button whose action finishes later: disabled from the tap until the action calls its
    ``done``; a second tap in between does nothing."""

    def __init__(self, description: str, action: Callable[[Done], None], **kwargs: Any) -> None:
        super().__init__(description=description, **kwargs)
        self._action = action
        self.running = False
        self._allowed = True
        self.on_click(lambda _: self.press())

    def press(self) -> None:
        """Tap, as a person would (tests use the same path)."""
        if self.running or not self._allowed:
            return
        self.running = True
        self.disabled = True
        try:
            self._action(self.finish)
        except Exception:
            self.finish()
            raise

    def finish(self) -> None:
        self.running = False
        self.disabled = not self._allowed

    def allow(self, allowed: bool) -> None:
        """Enable or disable for reasons of state (an activity closed); a running action keeps
        the button disabled until it is done."""
        self._allowed = allowed
        self.disabled = self.running or not allowed


def close_tree(widget: Any) -> None:
    """Close a widget, its children, layout and style: a kernel serving a trainee for a whole
    day must not keep every screen it ever showed."""
    for child in getattr(widget, "children", ()) or ():
        close_tree(child)
    for part in ("layout", "style"):
        sub = getattr(widget, part, None)
        if isinstance(sub, W.Widget):
            sub.close()
    if isinstance(widget, W.Widget):
        widget.close()


def _owned(value: Any) -> list[Any]:
    if isinstance(value, W.Widget):
        return [value]
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, list | tuple):
        return [v for item in value for v in _owned(item)]
    return []


class View(W.VBox):
    """A view that, when closed, closes every widget it made: shown now, shown before or
    kept for later (a page's join form once the trainee is in)."""

    def close(self) -> None:
        for name, value in list(vars(self).items()):
            if not name.startswith("_trait") and name != "comm":
                for widget in _owned(value):
                    if widget is not self:
                        close_tree(widget)
        for part in (getattr(self, "layout", None), getattr(self, "style", None)):
            if isinstance(part, W.Widget):
                part.close()
        super().close()


def replace_children(box: W.Box, children: Iterable[W.Widget], keep: Iterable[W.Widget] = ()
                     ) -> None:
    """Show ``children`` in ``box``; close the old ones unless kept or shown again."""
    new = tuple(children)
    stay = {id(w) for w in (*new, *keep)}
    old = [w for w in box.children if id(w) not in stay]
    box.children = new
    for widget in old:
        close_tree(widget)
