"""Exports from the console: built in memory off the loop, handed to the instructor's browser.

Nothing is written on the server: the file goes to a temporary folder, is read back and sent to
the browser, which saves it in one click under :func:`kit.reports.run.file_name`.
"""

from __future__ import annotations

import base64
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from kit.state.common import Done, noop
from kit.state.console import Download
from kit.store import Store, workshops

if TYPE_CHECKING:
    from kit.live.console import ConsoleController

MIMES = {"xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
         "html": "text/html", "record": "text/csv"}


def export(page: ConsoleController, fmt: str, anonymise: bool, done: Done = noop) -> None:
    ws, course = page.workshop, page.course
    if ws is None:
        return done()

    def build(store: Store) -> Download:
        from kit.reports.run import export_workshop, file_name

        record = workshops.get(store, ws.id)
        name = file_name(ws.code, fmt, anonymise)
        with tempfile.TemporaryDirectory() as tmp:
            path = export_workshop(course, store, record, fmt, Path(tmp) / name, anonymise)
            data = base64.b64encode(path.read_bytes()).decode("ascii")
        return Download(name, MIMES[fmt], data)

    page.call(build, lambda d: page.set(download=d), done, what="导出")
    return None
