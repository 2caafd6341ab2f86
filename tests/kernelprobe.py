"""Ask a running kernel about itself over its own channels, and find a server's processes."""

from __future__ import annotations

import ast
import json
import re
from dataclasses import dataclass
from pathlib import Path

import psutil
import zmq
from jupyter_client import BlockingKernelClient

from tests.serverproc import Server

FACTS = ("__import__('json').dumps({'query': __import__('os').environ.get('QUERY_STRING'), "
         "'hub': __import__('os').environ.get('JUPYTERHUB_USER'), "
         "'pid': __import__('os').getpid(), 'ppid': __import__('os').getppid(), "
         "'cwd': __import__('os').getcwd()})")


@dataclass(frozen=True)
class Facts:
    query: str | None
    hub: str | None
    pid: int
    ppid: int
    cwd: str


def connection_dir(server: Server) -> Path:
    """Where Voilà keeps this server's connection files (it says so in its log)."""
    found = re.search(r"Storing connection files in (\S+?)\.?$", server.log.read_text("utf-8"),
                      re.M)
    assert found, "no connection directory in the server log"
    return Path(found.group(1))


def facts(server: Server, kernel_id: str, timeout: float = 30) -> Facts:
    client = BlockingKernelClient(context=zmq.Context.instance())  # one context: no fd leak
    client.load_connection_file(str(connection_dir(server) / f"kernel-{kernel_id}.json"))
    client.start_channels(shell=True, iopub=False, stdin=False, hb=False, control=False)
    try:
        reply = client.execute("", silent=True, user_expressions={"f": FACTS}, reply=True,
                               timeout=timeout)
    finally:
        client.stop_channels()
    text = reply["content"]["user_expressions"]["f"]["data"]["text/plain"]
    return Facts(**json.loads(ast.literal_eval(text)))  # the repr of a JSON string


def fork_parents(server: Server) -> list[psutil.Process]:
    return [p for p in descendants(server) if "kit.kernels.parent" in _cmd(p)]


def descendants(server: Server) -> list[psutil.Process]:
    try:
        return psutil.Process(server.proc.pid).children(recursive=True)
    except psutil.Error:
        return []


def zombies(server: Server) -> list[psutil.Process]:
    out = []
    for proc in descendants(server):
        try:
            if proc.status() == psutil.STATUS_ZOMBIE:
                out.append(proc)
        except psutil.Error:
            continue
    return out


def _cmd(proc: psutil.Process) -> str:
    try:
        return " ".join(proc.cmdline())
    except psutil.Error:
        return ""
