"""A forked kernel seen from the Voilà process: watched and signalled through its pidfd.

The pidfd came from the parent with the launch reply, so it names that very process even
if its pid is later reused. The parent reaps the child; if the parent died first, this process
adopted the child (it is a subreaper) and reaps it here.
"""

from __future__ import annotations

import os
import select
import signal

from kit.kernels import supervisor
from kit.kernels.supervisor import Launched


class Forked:
    def __init__(self, launched: Launched) -> None:
        self.launched = launched
        self.pid, self.pidfd = launched.pid, launched.pidfd
        self.code: int | None = None
        self.signalled = 0

    def running(self) -> bool:
        """A pidfd becomes readable when its process exits. ``poll``, not ``select``: a Voilà
        process serving a few hundred kernels holds more than 1,024 descriptors, past what
        ``select`` can watch (it raised, and every later kernel start hung, at ~300 kernels)."""
        if self.code is not None or self.pidfd < 0:
            return False
        watch = select.poll()
        watch.register(self.pidfd, select.POLLIN)
        return not watch.poll(0)

    async def poll(self) -> int | None:
        if self.running():
            return None
        if self.code is None:
            self.code = self._reap_adopted()
            if self.code is None:
                self.code = await supervisor.get().exit_code(self.launched)
            if self.code is None:  # reaped by a parent that is gone: say how it ended if we know
                self.code = -self.signalled if self.signalled else 1
        return self.code

    def _reap_adopted(self) -> int | None:
        if self.pidfd < 0:
            return None
        try:
            got = os.waitid(os.P_PIDFD, self.pidfd, os.WEXITED | os.WNOHANG)
        except (ChildProcessError, OSError):
            return None  # not our child: its parent reaps it
        if got is None:
            return None
        killed = got.si_code in (os.CLD_KILLED, os.CLD_DUMPED)
        return -got.si_status if killed else got.si_status

    def send_signal(self, signum: int) -> None:
        """To the kernel's process group (it leads its own session), as for a plain kernel.
        A kernel that has exited is not signalled, and that is no error (as for Popen)."""
        if not self.running():
            return
        self.signalled = signum
        try:
            os.killpg(self.pid, signum)
        except OSError:
            signal.pidfd_send_signal(self.pidfd, signum)

    def close(self) -> None:
        if self.pidfd >= 0:
            os.close(self.pidfd)
            self.pidfd = -1
