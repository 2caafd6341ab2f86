"""The base of every view: an escaped status line and an error boundary for callbacks."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import Any, TypeVar

import ipywidgets as W

from kit.htmltext import esc
from kit.logic.text import InputProblem
from kit.store.db import StoreUnavailable

__all__ = ["FALLBACK", "Notice", "error_boundary", "esc"]
log = logging.getLogger("kit.widgets")
F = TypeVar("F", bound=Callable[..., Any])
FALLBACK = "出了点问题,操作没有完成。请再试一次;如果仍不行,请告诉讲师。"
_CLASSES = {"error": "kit-error", "ok": "kit-ok", "info": ""}


class Notice(W.HTML):
    """A one-line message for the user; its text is always escaped."""

    def show(self, text: str, kind: str = "info") -> None:
        self.value = f'<span class="{_CLASSES.get(kind, "")}">{esc(text)}</span>' if text else ""


def error_boundary(method: F) -> F:
    """Callbacks fail kindly: a short Chinese message for the user, the traceback in the log."""

    @functools.wraps(method)
    def wrapper(self: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return method(self, *args, **kwargs)
        except InputProblem as exc:
            self.notice.show(str(exc), "error")
        except StoreUnavailable as exc:
            self.notice.show(str(exc), "error")
        except Exception:
            log.exception("callback %s failed", method.__qualname__)
            self.notice.show(FALLBACK, "error")
        return None

    return wrapper  # type: ignore[return-value]
