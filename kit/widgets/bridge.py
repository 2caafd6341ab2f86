"""The page bridge: the one piece of browser code the kit needs (anywidget, one file).

- reads the page's query string (``code``, ``t`` for a trainee token, ``key`` for the console):
  from Voilà's request when it started this kernel for the page (the first screen is then part
  of the page as served), else from the browser once the page runs;
- writes the participant token into the URL, so a reload brings back the same person;
- shows a Chinese "connection lost" overlay with a reconnect button when the kernel is gone;
- asks the server to shut the kernel down when the page closes.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode

import anywidget
import traitlets

_ESM = (Path(__file__).with_name("bridge.js")).read_text(encoding="utf-8")


def served_query() -> str | None:
    """The query string of the request this kernel was started for, if Voilà started it so.

    A preheated kernel started before any request: ``None``, the browser will tell."""
    if not os.environ.get("SERVER_SOFTWARE", "").startswith("voila/"):
        return None
    if os.environ.get("VOILA_PREHEAT", "False") != "False":
        return None
    return os.environ.get("QUERY_STRING")


class PageBridge(anywidget.AnyWidget):
    _esm = _ESM
    query = traitlets.Unicode(None, allow_none=True).tag(sync=True)
    """``None`` until the page reports its query string."""
    url_query = traitlets.Unicode(None, allow_none=True).tag(sync=True)
    """``None`` until the page reports its query string."""
    ping_seconds = traitlets.Int(5).tag(sync=True)
    shutdown_on_close = traitlets.Bool(True).tag(sync=True)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        if self.query is None:
            self.query = served_query()
        self.last_ping = time.monotonic()
        self.on_msg(self._on_msg)

    def _on_msg(self, _widget: Any, content: Any, _buffers: Any) -> None:
        if isinstance(content, dict) and content.get("type") == "ping":
            self.last_ping = time.monotonic()
            self.send({"type": "pong"})

    def page_gone(self, after: float = 120.0) -> bool:
        """No ping for ``after`` seconds: the page was closed, stop working for it."""
        return time.monotonic() - self.last_ping > after

    def params(self) -> dict[str, str]:
        return {k: v[-1] for k, v in parse_qs(self.query or "").items()}

    def set_params(self, **params: str) -> None:
        """Replace the page URL's query string (no reload)."""
        self.url_query = urlencode({k: v for k, v in params.items() if v})
