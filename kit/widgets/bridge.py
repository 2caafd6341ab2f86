"""The page bridge: the one piece of browser code the kit needs (anywidget, one file).

- reads the page's query string (``code``, ``t`` for a trainee token): from Voilà's request
  when it started this kernel for the page (the first screen is then part of the page as
  served), else from the browser once the page runs;
- writes the participant token into the URL, so a reload brings back the same person;
- keeps a console session token in the browser's storage (never in the URL), and hands it back
  to the kernel when the page loads;
- tells the kernel to save work in progress when the page is hidden, closed or loses focus;
- shows a "connection lost" overlay with a reconnect button when the kernel is gone, in the
  page's language (its words come from the kernel beforehand: :meth:`PageBridge.translate`);
- asks the server to shut the kernel down when the page closes;
- brings the kit's styles (``kit.css``) to the page.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode

import anywidget
import traitlets

from kit.i18n import _, current

_ESM = (Path(__file__).with_name("bridge.js")).read_text(encoding="utf-8")
_CSS = (Path(__file__).with_name("kit.css")).read_text(encoding="utf-8")


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
    _css = _CSS
    query = traitlets.Unicode(None, allow_none=True).tag(sync=True)
    """``None`` until the page reports its query string."""
    url_query = traitlets.Unicode(None, allow_none=True).tag(sync=True)
    """The query string the page's address should show (``None``: leave it)."""
    stored = traitlets.Any(None).tag(sync=True)
    href = traitlets.Unicode("").tag(sync=True)
    """The page's address without its query, as the browser sees it (for links to other
    pages of the same server)."""
    """The kit's values in the browser's storage (``None`` until the page reports them)."""
    texts = traitlets.Dict().tag(sync=True)
    """The overlay's words (``label``, ``text``, ``button``), sent while the kernel is there,
    and the page's language for ``<html lang>`` (``lang``: screen readers read by it)."""
    ping_seconds = traitlets.Int(5).tag(sync=True)
    shutdown_on_close = traitlets.Bool(True).tag(sync=True)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        if self.query is None:
            self.query = served_query()
        self._handlers: dict[str, list[Callable[[], None]]] = {}
        self.on_msg(self._on_msg)
        self.translate()

    def translate(self) -> None:
        """Put the overlay's words in the page's current language (call after a change)."""
        self.texts = {"lang": "zh-CN" if current() == "zh" else current(),
                      "label": _("连接已中断"), "button": _("重新连接 / Reconnect"),
                      "text": _("与服务器的连接已中断(页面闲置过久、网络断开或服务器重启)。"
                                "已保存的内容不会丢失,请点击下方按钮重新连接。")}

    def on(self, kind: str, handler: Callable[[], None]) -> None:
        """Call ``handler`` when the page sends ``kind``: ``ping`` or ``flush``."""
        self._handlers.setdefault(kind, []).append(handler)

    def _on_msg(self, _widget: Any, content: Any, _buffers: Any) -> None:
        if not isinstance(content, dict):
            return
        kind = content.get("type")
        if kind == "ping":
            self.send({"type": "pong"})
        for handler in self._handlers.get(str(kind), ()):
            handler()

    def params(self) -> dict[str, str]:
        return {k: v[-1] for k, v in parse_qs(self.query or "").items()}

    def set_params(self, **params: str) -> None:
        """Replace the page URL's query string (no reload)."""
        self.url_query = urlencode({k: v for k, v in params.items() if v})

    def keep(self, key: str, value: str | None) -> None:
        """Keep ``value`` in the browser's storage under ``key`` (``None`` forgets it)."""
        self.send({"type": "store", "key": key, "value": value})

    def download(self, name: str, mime: str, data: str) -> None:
        """Have the browser save ``data`` (base64) as the file ``name``, without a second click."""
        self.send({"type": "download", "name": name, "mime": mime, "data": data})

    def scroll_to(self, selector: str) -> None:
        """Bring the first element matching ``selector`` into view (feedback after reveal)."""
        self.send({"type": "scroll", "selector": selector})

    def copy(self, text: str) -> None:
        """Put ``text`` on the clipboard of the person at the page."""
        self.send({"type": "copy", "text": text})
