"""A forked kernel seen from the Voilà process, when that process holds many descriptors."""

from __future__ import annotations

import os
import resource
import subprocess
from collections.abc import Iterator

import pytest

from kit.kernels import fork_supported
from kit.kernels.forked import Forked
from kit.kernels.supervisor import Launched

pytestmark = pytest.mark.skipif(not fork_supported(), reason="pidfds are Linux-only")
HIGH = 1500  # past select()'s 1,024: where a Voilà process with ~300 kernels is


@pytest.fixture
def high_pidfd() -> Iterator[tuple[subprocess.Popen[bytes], int]]:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard != resource.RLIM_INFINITY and hard <= HIGH:
        pytest.skip(f"this machine allows {hard} open files")
    resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, HIGH + 1), hard))
    proc = subprocess.Popen(["sleep", "60"])
    pidfd = os.pidfd_open(proc.pid)
    os.dup2(pidfd, HIGH)
    os.close(pidfd)
    try:
        yield proc, HIGH
    finally:
        proc.kill()
        proc.wait()
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))


def test_a_kernel_is_watched_through_a_descriptor_past_1024(
        high_pidfd: tuple[subprocess.Popen[bytes], int]) -> None:
    proc, fd = high_pidfd
    forked = Forked(Launched(pid=proc.pid, pidfd=fd, threads=1, generation=1))
    assert forked.running()
    proc.kill()
    proc.wait()
    assert not forked.running()
    forked.close()
    assert forked.pidfd == -1
