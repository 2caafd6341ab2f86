"""Workshop sessions: create, find by code, instructor access, live state."""

from __future__ import annotations

import functools
import time
from typing import Any

from sqlalchemy import Connection, insert, select, update
from sqlalchemy.exc import IntegrityError

from kit.i18n import _
from kit.logic.phases import parse
from kit.store import ids
from kit.store.db import Store
from kit.store.records import LiveState, Workshop
from kit.store.schema import activity_states, workshops

W = workshops.c
MAX_TITLE = 200
MAX_INSTRUCTOR = 40


class AccessDenied(PermissionError):
    pass


def _record(row: Any) -> Workshop:
    mods = tuple(int(m) for m in row.modules.split(",") if m)
    return Workshop(row.id, row.code, row.title, mods, row.rev, row.message, row.timer_end,
                    row.timer_label, row.closed_at is not None, row.created_at, row.instructor)


def create(store: Store, title: str, modules: tuple[int, ...],
           instructor: str = "") -> tuple[Workshop, str]:
    """Create a workshop; return it with its instructor key (shown once, stored hashed)."""
    title = " ".join(title.split())[:MAX_TITLE] or "消保工坊"
    instructor = " ".join(instructor.split())[:MAX_INSTRUCTOR]
    key = ids.new_key()
    for _attempt in range(20):
        code = ids.new_code()
        values = dict(code=code, title=title, modules=",".join(map(str, modules)),
                      key_hash=ids.key_digest(key), created_at=time.time(), rev=0,
                      message="", timer_label="", instructor=instructor)
        try:
            wid = store.write(functools.partial(_insert, values=values))
        except IntegrityError:
            continue  # that code is taken: draw another
        return get(store, wid), key
    raise RuntimeError(_("无法生成不重复的参与码"))


def _insert(conn: Connection, *, values: dict[str, Any]) -> int:
    key = conn.execute(insert(workshops).values(**values)).inserted_primary_key
    assert key is not None
    return int(key[0])


def get(store: Store, workshop_id: int) -> Workshop:
    row = store.read(lambda c: c.execute(select(workshops).where(W.id == workshop_id)).one())
    return _record(row)


def by_code(store: Store, code: str) -> Workshop | None:
    norm = ids.normalise_code(code)
    row = store.read(lambda c: c.execute(select(workshops).where(W.code == norm)).first())
    return _record(row) if row is not None else None


def open_as_instructor(store: Store, code: str, key: str) -> Workshop:
    """The console opens only with the workshop's instructor key."""
    norm = ids.normalise_code(code)
    row = store.read(lambda c: c.execute(select(workshops).where(W.code == norm)).first())
    if row is None or not ids.same(row.key_hash, ids.key_digest(key)):
        raise AccessDenied(_("参与码或讲师密钥不正确"))
    return _record(row)


def bump(conn: Connection, workshop_id: int, **values: Any) -> None:
    """Change workshop fields and its revision in the caller's transaction."""
    conn.execute(update(workshops).where(W.id == workshop_id).values(rev=W.rev + 1, **values))


def set_message(store: Store, workshop_id: int, message: str) -> None:
    text = " ".join(message.split())[:200]
    store.write(lambda c: bump(c, workshop_id, message=text))


def set_timer(store: Store, workshop_id: int, seconds: float | None, label: str = "") -> None:
    end = time.time() + seconds if seconds else None
    store.write(lambda c: bump(c, workshop_id, timer_end=end, timer_label=label[:100],
                               timer_left=None))


def pause_timer(store: Store, workshop_id: int, paused: bool) -> None:
    """Pause a running countdown (the seconds left are kept), or resume a paused one."""

    def change(conn: Connection) -> None:
        w = conn.execute(select(W.timer_end, W.timer_left).where(W.id == workshop_id)).one()
        now = time.time()
        if paused and w.timer_end is not None:
            bump(conn, workshop_id, timer_end=None, timer_left=max(0.0, w.timer_end - now))
        elif not paused and w.timer_left is not None:
            bump(conn, workshop_id, timer_end=now + w.timer_left, timer_left=None)

    store.write(change)


def set_projector(store: Store, workshop_id: int, *, names: bool | None = None,
                  showcase: tuple[str, int] | bool | None = False) -> None:
    """What the projector shows besides the current activity: names (off by default) and a
    draft on show (``None`` clears it; ``False`` leaves it)."""
    values: dict[str, Any] = {}
    if names is not None:
        values["projector_names"] = int(names)
    if showcase is not False:
        activity, author = showcase if isinstance(showcase, tuple) else (None, None)
        values.update(showcase_activity=activity, showcase_author=author)
    store.write(lambda c: bump(c, workshop_id, **values))


def revision(conn: Connection, workshop_id: int) -> int:
    """The one cheap query a trainee page polls: a primary-key lookup."""
    return int(conn.execute(select(W.rev).where(W.id == workshop_id)).scalar_one())


def live_state(store: Store, workshop_id: int) -> LiveState:
    def read(c: Connection) -> LiveState:
        w = c.execute(select(workshops).where(W.id == workshop_id)).one()
        a = activity_states.c
        rows = c.execute(select(a.activity_id, a.state, a.changed_at, a.focus)
                         .where(a.workshop_id == workshop_id)).all()
        showcase = ((w.showcase_activity, w.showcase_author)
                    if w.showcase_activity and w.showcase_author is not None else None)
        return LiveState(w.rev, w.message, w.timer_end, w.timer_label,
                         {r.activity_id: parse(r.state) for r in rows}, w.closed_at is not None,
                         {r.activity_id: r.changed_at for r in rows}, w.timer_left,
                         {r.activity_id: int(r.focus or 0) for r in rows}, showcase,
                         bool(w.projector_names))

    return store.read(read)
