"""One default Layout and one default style per kind, shared by every widget of a kernel.

ipywidgets gives each widget a Layout model of its own, and each labelled or button widget a
style model too, even when nothing is ever set on them: a case question's screen held 168 widget
models, 56 of them Layouts and 22 HTML styles. Each is a comm the kernel keeps (its memory is
copied into every forked kernel) and a model the trainee's phone builds before the screen shows.
After :func:`install`, a widget made without a ``layout`` (or ``style``) gets the one shared
default of that kind. A shared part is frozen: setting a trait on it raises, so a widget whose
look changes later (hidden, shown) is made with a Layout of its own, ``layout=W.Layout()``;
closing it does nothing, since other widgets still show it.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as W

_SHARED: dict[type, W.Widget] = {}
_FROZEN: dict[type, type] = {}


class SharedPartError(AttributeError):
    pass


class _Frozen:
    _kit_frozen = False

    def __setattr__(self, name: str, value: Any) -> None:
        if self._kit_frozen and name in self.keys and not name.startswith("_"):  # type: ignore[attr-defined]
            raise SharedPartError(f"shared default {type(self).__name__}: give this widget "
                                  f"its own (layout=W.Layout()) to change {name!r}")
        super().__setattr__(name, value)

    def close(self) -> None:
        """Shared for the kernel's life: other widgets still show it."""


def shared(klass: type) -> W.Widget:
    """The frozen default instance of ``klass`` (a Layout or style class) in this kernel."""
    part = _SHARED.get(klass)
    if part is None or part.comm is None:
        if klass not in _FROZEN:
            _FROZEN[klass] = type(f"Shared{klass.__name__}", (_Frozen, klass), {})
        part = _SHARED[klass] = _FROZEN[klass]()
        part._kit_frozen = True
    return part


def is_shared(widget: object) -> bool:
    """A shared default part: it lives as long as the kernel, so it is never a leak."""
    return isinstance(widget, _Frozen)


def _subclasses(klass: type[W.DOMWidget]) -> list[type[W.DOMWidget]]:
    found = [klass]
    for sub in klass.__subclasses__():
        found += _subclasses(sub)
    return found


def install() -> None:
    """Make every DOM widget class's default layout and style the shared one (idempotent)."""
    for klass in _subclasses(W.DOMWidget):
        for name in ("layout", "style"):
            trait = klass.class_traits().get(name)
            if trait is not None and isinstance(trait.klass, type) and \
                    not getattr(trait, "_kit_shared", False):
                trait.make_dynamic_default = lambda of=trait.klass: shared(of)
                trait._kit_shared = True
