"""Pages for instructors and designers only (the preview gallery shows every answer key): open
in a browser that holds a live console session, or outside Voilà (JupyterLab, nbval)."""

from __future__ import annotations

from collections.abc import Callable

import traitlets

from kit.live.console import SESSION
from kit.live.page import PageController
from kit.live.runner import Inline, Runner
from kit.state.common import Note
from kit.store import Store, sessions


class GateController(PageController):
    role = "gate"
    open = traitlets.Bool(None, allow_none=True)
    """``None`` until known; then whether the page may show."""

    def __init__(self, store: Callable[[], Store], runner: Runner | None = None) -> None:
        super().__init__(store, runner)

    def on_problem(self, note: Note) -> None:
        self.open = False

    def start(self, stored: dict[str, str]) -> None:
        token = stored.get(SESSION, "")
        self.call(lambda store: bool(token) and sessions.resolve(store, token, "console")
                  is not None, lambda ok: setattr(self, "open", bool(ok)), what="核对讲师会话",
                  runner=Inline())
