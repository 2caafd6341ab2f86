"""``kit-fork``: a kernel provisioner that forks trainee kernels from the warm parent.

It is jupyter_client's local provisioner (connection file, ports, command line, plain launch)
with the launch and the process calls done against a forked child's pid when forking is on
(``KIT_KERNELS=fork``, set by ``kit serve``) and the parent answers. Otherwise, and whenever
the parent cannot fork, the kernel is launched the plain way and every call goes to the
local provisioner unchanged.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
from typing import Any

from jupyter_client.connect import KernelConnectionInfo
from jupyter_client.provisioning.local_provisioner import LocalProvisioner

from kit.kernels import fork_enabled, supervisor
from kit.kernels.forked import Forked


class ForkProvisioner(LocalProvisioner):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.forked: Forked | None = None

    @property
    def has_process(self) -> bool:
        return self.forked is not None or bool(super().has_process)

    async def launch_kernel(self, cmd: list[str], **kwargs: Any) -> KernelConnectionInfo:
        if fork_enabled():
            env = {**(kwargs.get("env") or os.environ), "JPY_PARENT_PID": str(os.getpid())}
            cwd = str(kwargs.get("cwd") or os.getcwd())
            launched = await supervisor.get().launch(list(cmd), env, cwd)
            if launched is not None:
                self.forked = Forked(launched)
                self.pid = self.pgid = launched.pid
                self.cwd = cwd
                return self.connection_info
        self.log.info("kit: kernel launched the plain way (not forked)")
        return await super().launch_kernel(cmd, **kwargs)

    async def poll(self) -> int | None:
        if self.forked is None:
            return await super().poll()
        return await self.forked.poll()

    async def wait(self) -> int | None:
        if self.forked is None:
            return await super().wait()
        while (code := await self.forked.poll()) is None:
            await asyncio.sleep(0.1)
        self.forked.close()
        self.forked = None
        return code

    async def send_signal(self, signum: int) -> None:
        if self.forked is None:
            return await super().send_signal(signum)
        self.forked.send_signal(signum)
        return None

    async def kill(self, restart: bool = False) -> None:
        await self._end(signal.SIGKILL, restart, super().kill)

    async def terminate(self, restart: bool = False) -> None:
        await self._end(signal.SIGTERM, restart, super().terminate)

    async def _end(self, signum: int, restart: bool, plain: Any) -> None:
        if self.forked is None:
            await plain(restart)
            return
        with contextlib.suppress(ProcessLookupError):  # already gone: tolerated, as locally
            self.forked.send_signal(signum)

    async def cleanup(self, restart: bool = False) -> None:
        if self.forked is not None:
            if self.forked.running():  # not expected: jupyter_client waits before cleaning up
                self.forked.send_signal(signal.SIGKILL)
                for _ in range(50):
                    if await self.forked.poll() is not None:
                        break
                    await asyncio.sleep(0.05)
            self.forked.close()
            self.forked = None
        await super().cleanup(restart)
