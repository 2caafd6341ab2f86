"""A trainee page gets its widgets' state from a forked kernel in one message, not one each."""

from __future__ import annotations

from typing import Any

from tests.serverproc import Server

T = 60_000


def _text(payload: str | bytes) -> str:
    return payload if isinstance(payload, str) else payload.decode("utf-8", "replace")


def test_trainee_page_fetches_all_widget_states_at_once(
    server: Server, context: tuple[Any, Any]
) -> None:
    """ipywidgets' control comm answers the page with every state in one ``update_states``;
    without it the page sends a ``request_state`` per widget (~50 round trips on a phone)."""
    ctx, outside = context
    sent: list[str] = []
    received: list[str] = []

    def watch(ws: Any) -> None:
        ws.on("framesent", lambda p: sent.append(_text(p)))
        ws.on("framereceived", lambda p: received.append(_text(p)))

    page = ctx.new_page()
    page.on("websocket", watch)
    page.goto(server.urls["学员"])
    page.get_by_role("button", name="加入").first.wait_for(timeout=T)
    assert any('"update_states"' in f for f in received)
    assert not any('"request_state"' in f for f in sent)
    assert outside.urls == []
    page.close()
