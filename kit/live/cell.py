"""The controller of a module notebook page: its activities, for the instructor or for study.

In a browser where the instructor has opened the console (a live console session is kept
there), each activity cell shows its pacing controls and live results; anywhere else it is
self-study with immediate feedback, which needs no live session and writes nothing. The key is
never in the page's URL. One controller serves every cell of the page.
"""

from __future__ import annotations

from collections.abc import Callable

from kit.content import Course
from kit.live.console import SESSION, ConsoleController
from kit.live.runner import Inline, Runner
from kit.state.common import Note
from kit.store import Store, sessions
from kit.store.records import Workshop


class CellController(ConsoleController):
    role = "cell"

    def __init__(self, course: Course, store: Callable[[], Store],
                 runner: Runner | None = None) -> None:
        super().__init__(course, store, runner)
        self.cells: list[str] = []

    def add(self, activity_id: str) -> None:
        if activity_id not in self.cells:
            self.cells.append(activity_id)
            self.refresh()

    def boards_for(self) -> tuple[str, ...]:
        return tuple(self.cells)

    def start(self, query: dict[str, str], stored: dict[str, str], base: str = "") -> None:
        """Instructor mode with a live console session in this browser, else self-study."""
        token = stored.get(SESSION, "")

        def find(store: Store) -> Workshop | None:
            return sessions.resolve(store, token, "console") if token else None

        def then(ws: Workshop | None) -> None:
            if ws is None:
                self.set(screen="login")  # the cells show self-study
                return
            self._enter(ws)

        self.call(find, then, what="打开模块页", runner=Inline(),
                  problem=lambda note: self.set(screen="login", notice=note))

    def on_problem(self, note: Note) -> None:
        self.set(notice=note)
