"""The server registry: who is live, where each trainee sits, and moving off a dead server."""

from __future__ import annotations

import time

from sqlalchemy import update

from kit.store import Store, participants, servers, workshops
from kit.store.schema import servers as servers_table


def _up(store: Store, *ids: str) -> None:
    for sid in ids:
        servers.register(store, sid, f"/{sid}/")


def test_new_pages_spread_evenly_over_live_servers(store: Store) -> None:
    _up(store, "s1", "s2", "s3")
    chosen = [servers.assign(store, None) for _ in range(9)]
    assert all(c is not None and c[1] for c in chosen)  # each a server and a ticket
    counts = {sid: sum(1 for c in chosen if c and c[0].id == sid) for sid in ("s1", "s2", "s3")}
    assert counts == {"s1": 3, "s2": 3, "s3": 3}


def test_a_trainee_stays_on_their_server_and_moves_when_it_dies(store: Store) -> None:
    _up(store, "s1", "s2")
    ws, _ = workshops.create(store, "登记", (3,))
    who, _ = participants.join(store, ws.id, "甲")
    servers.seat(store, who.id, "s2")
    found = servers.assign(store, who.id)
    assert found is not None and found[0].id == "s2" and found[1] == ""
    # the proxy found s2 down: another server, and the seat moves with the trainee
    moved = servers.assign(store, who.id, avoid="s2")
    assert moved is not None and moved[0].id == "s1"
    assert servers.seated(store) == {"s1": 1}
    # a server whose heartbeat stopped is not live, whatever the proxy says
    store.write(lambda c: c.execute(update(servers_table).where(
        servers_table.c.id == "s1").values(heartbeat_at=time.time() - 60)))
    back = servers.assign(store, who.id)
    assert back is not None and back[0].id == "s2"
    servers.retire(store, "s2")
    assert servers.assign(store, who.id) is None
    assert servers.live(store) == []


def test_a_ticket_is_used_up_when_the_trainee_sits_down(store: Store) -> None:
    _up(store, "s1", "s2")
    ws, _ = workshops.create(store, "登记", (3,))
    first = servers.assign(store, None)
    assert first is not None
    server, ticket = first
    who, _ = participants.join(store, ws.id, "乙")
    servers.seat(store, who.id, server.id, ticket)
    servers.heartbeat(store, server.id)
    assert servers.seated(store) == {server.id: 1}
    assert {s.id: s.load for s in servers.live(store)}[server.id] == 1
    # the ticket no longer counts twice: the next page goes to the other server
    nxt = servers.assign(store, None)
    assert nxt is not None and nxt[0].id != server.id
