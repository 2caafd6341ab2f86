"""The parent's Unix-socket protocol: one JSON line each way, a pidfd alongside a launch reply.

Requests: ``{"op": "launch", "argv": [...], "env": {...}, "cwd": "..."}``,
``{"op": "status"}`` and ``{"op": "exit", "pid": N}``. A launch reply carries the child's pid and
the parent's thread count at the fork, with the child's pidfd passed as ``SCM_RIGHTS``, so the
Voilà side can watch and signal that very process even after its pid is reused.
"""

from __future__ import annotations

import json
import socket
from typing import Any

LIMIT = 1 << 20  # a request is an environment and an argv: far below a megabyte


class ProtocolError(OSError):
    """The other side closed early or sent something that is not one JSON object."""


def send(sock: socket.socket, message: dict[str, Any], fds: tuple[int, ...] = ()) -> None:
    data = json.dumps(message, ensure_ascii=False).encode() + b"\n"
    if fds:
        sent = socket.send_fds(sock, [data], list(fds))
        if sent < len(data):
            sock.sendall(data[sent:])
    else:
        sock.sendall(data)


def receive(sock: socket.socket) -> tuple[dict[str, Any], list[int]]:
    """One message and any file descriptors that came with it (the caller closes them)."""
    chunks: list[bytes] = []
    fds: list[int] = []
    size = 0
    while not chunks or not chunks[-1].endswith(b"\n"):
        data, got, _, _ = socket.recv_fds(sock, 65536, 4)
        fds += got
        if not data or (size := size + len(data)) > LIMIT:
            raise ProtocolError("connection closed before a whole message")
        chunks.append(data)
    try:
        message = json.loads(b"".join(chunks))
    except ValueError as exc:
        raise ProtocolError(f"not JSON: {exc}") from exc
    if not isinstance(message, dict):
        raise ProtocolError("not a JSON object")
    return message, fds


def ask(path: str, message: dict[str, Any], timeout: float = 10.0
        ) -> tuple[dict[str, Any], list[int]]:
    """Connect, send one request, return the reply (blocking; run it off the event loop)."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.settimeout(timeout)
        sock.connect(path)
        send(sock, message)
        return receive(sock)
