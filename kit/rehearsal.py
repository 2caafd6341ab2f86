"""Rehearsal mode (``KIT_REHEARSAL=1``): pages seat themselves and run one real flow.

nbval runs the notebooks without a browser, so a page would only ever show its join form. In
rehearsal each page makes a workshop in the configured store and goes through a flow as a
person would: the trainee page joins, answers the open activity and submits; the console and
module pages enter through a console session. A step that does not happen raises, so nbval
fails.
"""

from __future__ import annotations

import os
from typing import Any

from kit.content import Course
from kit.i18n import _
from kit.live.runner import Inline
from kit.logic.phases import Phase
from kit.store import Store, activities, sessions, workshops

FIRST = "m3-daily-problems"


def active() -> bool:
    return os.environ.get("KIT_REHEARSAL", "") == "1"


class RehearsalFailed(RuntimeError):
    pass


def _check(ok: bool, what: str) -> None:
    if not ok:
        raise RehearsalFailed(_('排练失败:{what}').format(what=what))


def room(course: Course, store: Store) -> tuple[Any, str]:
    ws, key = workshops.create(store, _("排练工坊"), tuple(m.number for m in course.modules))
    activities.set_state(store, ws.id, FIRST, Phase.OPEN)
    return ws, key


def trainee(course: Course, store: Store) -> Any:
    from kit.pages.trainee import open_trainee
    from kit.testing import find_all

    ws, _key = room(course, store)
    session = open_trainee(course, lambda: store, Inline(), autostart=False)
    session.bridge.query = f"code={ws.code}"
    session.page.form.name.value = _("排练学员")
    session.page.form.submit()
    view = session.page.view
    _check(view is not None and view.activity_id == FIRST, _("学员没有看到讲师开放的活动"))
    card = view.cards[0]  # type: ignore[union-attr]
    find_all(card, "toggle")[0].value = True
    card.submit()
    _check(_("已提交") in card.notice.value, _("提交没有保存"))
    return session.page


def console(course: Course, store: Store) -> Any:
    from kit.pages.console import open_console

    ws, _key = room(course, store)
    token = sessions.issue(store, ws.id, "console")
    session = open_console(course, lambda: store, Inline(), autostart=False)
    session.bridge.query, session.bridge.stored = "", {"console": token}
    _check(session.controller.state.screen == "live", _("控制台没有凭会话进入"))
    _check(any(r.activity_id == FIRST and r.phase == Phase.OPEN
               for r in session.controller.state.rows), _("控制台没有显示进行中的活动"))
    return session.page


def cell(course: Course, store: Store, activity_id: str) -> Any:
    from kit.pages.cell import open_cell

    ws, _key = room(course, store)
    token = sessions.issue(store, ws.id, "console")
    view = open_cell(course, activity_id, lambda: store, Inline(), autostart=False)
    view.top[0].stored = {"console": token}
    _check(view.mode == "instructor", _("模块页没有显示活动 {activity_id} 的讲师控制").format(
                                          activity_id=activity_id))
    return view


def roleplay(course: Course, scenario_id: str) -> Any:
    """A solo role-play played along its best path to the end, then started again."""
    from kit.content.scenario_paths import explore, summarise
    from kit.widgets.roleplay import roleplay_view

    view = roleplay_view(course, scenario_id)
    for index in summarise(explore(view.scenario)).best_path:
        view.choose(index)
    _check(view.practice.state.finished and _("技能画像") in view.debrief.value,
           _('情景 {scenario_id} 没有走到结局和讲评').format(scenario_id=scenario_id))
    view.replay()
    _check(len(view.attempts) == 1 and not view.practice.state.steps, _("再来一次没有重新开始"))
    return view


def projector(course: Course, store: Store) -> Any:
    from kit.pages.projector import open_projector

    ws, _key = room(course, store)
    token = sessions.issue(store, ws.id, "projector")
    session = open_projector(course, lambda: store, Inline(), autostart=False)
    session.bridge.query, session.bridge.href = f"p={token}", "http://127.0.0.1/voila/render/x"
    _check(session.controller.state.screen == "live", _("投屏页没有凭投屏链接打开"))
    _check(session.controller.state.activity is not None, _("投屏页没有跟随讲师的活动"))
    return session.page
