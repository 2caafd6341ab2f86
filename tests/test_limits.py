"""A Voilà process serving hundreds of kernels: more zmq sockets and descriptors than defaults."""

from __future__ import annotations

import resource

import pytest
import zmq

from kit import limits

MANY = 1100  # libzmq's default cap is 1,023 sockets a context; ~500 kernels' worth


@pytest.fixture
def soft_limit() -> int:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard != resource.RLIM_INFINITY and hard < 2 * MANY:
        pytest.skip(f"this machine allows {hard} open files")
    return soft


def test_a_context_holds_more_sockets_than_libzmqs_default(soft_limit: int) -> None:
    plain, raised = zmq.Context(), zmq.Context()
    held = []
    try:
        with pytest.raises(zmq.ZMQError, match="Too many open files"):
            for _ in range(MANY):
                held.append(plain.socket(zmq.PAIR))
        assert limits.raise_for_many_kernels(raised) >= 2 * MANY
        sockets = [raised.socket(zmq.PAIR) for _ in range(MANY)]
        assert len(sockets) == MANY
    finally:
        plain.destroy(linger=0)
        raised.destroy(linger=0)
        resource.setrlimit(resource.RLIMIT_NOFILE,
                           (soft_limit, resource.getrlimit(resource.RLIMIT_NOFILE)[1]))
