"""Tokens, keys and SQL: random enough, stored hashed, always parameterised."""

from __future__ import annotations

import ast
import base64
from pathlib import Path

from sqlalchemy import select

from kit.settings import REPO_ROOT
from kit.store import Store, ids, participants, workshops
from kit.store.schema import tokens


def test_participant_tokens_carry_128_random_bits() -> None:
    drawn = {ids.new_token() for _ in range(2000)}
    assert len(drawn) == 2000
    raw = base64.urlsafe_b64decode(next(iter(drawn)) + "==")
    assert len(raw) * 8 >= 128


def test_tokens_and_keys_are_stored_only_as_hashes(sqlite_store: Store) -> None:
    ws, key = workshops.create(sqlite_store, "t", (3,))
    _, token = participants.join(sqlite_store, ws.id, "甲")
    stored = sqlite_store.read(lambda c: c.execute(select(tokens.c.token_hash)).scalars().all())
    assert token not in stored and ids.digest(token) in stored
    dump = "\n".join(sqlite_store.engine.raw_connection().driver_connection.iterdump())
    assert token not in dump and key not in dump and key.replace("-", "") not in dump


def test_sql_is_never_built_from_strings() -> None:
    """No f-strings or % / + formatting inside text() or exec_driver_sql() in the kit."""
    bad = []
    for path in (REPO_ROOT / "kit").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "attr",
                                                      getattr(node.func, "id", "")) in (
                    "text", "exec_driver_sql", "execute"):
                for arg in node.args:
                    if isinstance(arg, ast.JoinedStr | ast.BinOp):
                        bad.append(f"{path.relative_to(REPO_ROOT)}:{node.lineno}")
    assert bad == [] or all("db.py" in b for b in bad), bad


def test_only_the_store_package_holds_sql() -> None:
    for path in Path(REPO_ROOT / "kit").rglob("*.py"):
        if "store" in path.parts:
            continue
        source = path.read_text("utf-8")
        assert "sqlalchemy" not in source, path
