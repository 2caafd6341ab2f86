"""The kit-fork provisioner, driven by jupyter_client as Voilà drives it (in a child process)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kit.kernels import fork_supported
from kit.settings import REPO_ROOT

pytestmark = pytest.mark.skipif(not fork_supported(), reason="fork kernels are Linux-only")
N = 6


@pytest.fixture(scope="module")
def seen(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    tmp = tmp_path_factory.mktemp("fork")
    env = {**os.environ, "KIT_KERNELS": "fork", "JUPYTER_PATH": str(REPO_ROOT / "kit/jupyter"),
           "KIT_DB_URL": f"sqlite:///{tmp / 'probe.sqlite3'}", "JUPYTERHUB_USER": "服务器用户"}
    cwd = str(REPO_ROOT / "exercises")
    proc = subprocess.run([sys.executable, "-m", "tests.kernels.launch_probe", str(tmp), cwd,
                           str(N)], cwd=REPO_ROOT, env=env, capture_output=True, text=True,
                          timeout=240)
    assert proc.returncode == 0, proc.stderr[-4000:]
    return dict(json.loads(proc.stdout.strip().splitlines()[-1]))


def test_every_kernel_is_forked_from_a_single_threaded_parent(seen: dict[str, object]) -> None:
    assert seen["forked"] == [True] * N
    assert seen["threads"] == [1] * N  # threading.active_count() in the parent at each fork


def test_parent_has_no_loop_zmq_context_engine_or_thread(seen: dict[str, object]) -> None:
    status = seen["status"]
    assert isinstance(status, dict)
    assert status["threads"] == 1 and status["zmq_context"] is False
    assert status["event_loop"] is False and status["engines"] == 0
    assert status["frozen"] > 10_000  # gc.freeze() moved the warm objects out of collection
    assert status["app_logging"] is True  # the kernel app and its logging: made here, once
    assert status["ksm"] is PER_PROCESS_KSM  # its children's identical pages can be merged


def test_each_kernel_has_its_own_launch_environment(seen: dict[str, object]) -> None:
    cwd = str(REPO_ROOT / "exercises")
    facts = seen["facts"]
    assert isinstance(facts, list)
    assert [f[:4] for f in facts] == [[f"code=Q{i}&t=tok{i}", f"用户{i}", cwd, True]
                                      for i in range(N)]


PER_PROCESS_KSM = "ksm_merge_any" in (Path("/proc/self/ksm_stat").read_text()
                                      if Path("/proc/self/ksm_stat").exists() else "")
"""Linux ≥ 6.4: a process can ask for its pages to be merged, and its children inherit that."""
KERNEL_FACTS = ["TraineeKernel", 0, True, "TraineeKernelApp", True, True, PER_PROCESS_KSM,
                ["jupyter.widget", "jupyter.widget.control"]]


def test_a_forked_kernel_does_not_walk_the_parents_modules(seen: dict[str, object]) -> None:
    """ipykernel's walk over every module (for its debugger) and IPython's set of every module
    name would copy the parent's pages into each kernel; the kit's kernel and app classes skip
    both (the ``%reset`` baseline is the parent's own set) and leave ``sys`` as it was. Where
    Linux can, each kernel is mergeable (KSM), inherited from the parent. ipywidgets' comm
    targets are registered in each kernel (the parent imported ipywidgets with no kernel
    running), so that a page fetches all widget states in one message."""
    facts = seen["facts"]
    assert isinstance(facts, list)
    assert [f[4:] for f in facts] == [KERNEL_FACTS] * N


def test_the_app_the_parent_made_runs_on_each_kernels_own_connection(
        seen: dict[str, object]) -> None:
    """The parent makes the app once; each child reads its own launch line and parent pid."""
    apps = seen["app"]
    assert isinstance(apps, list) and len(apps) == N
    for i, (connection_file, parent_handle, parent_pid) in enumerate(apps):
        assert connection_file.endswith(f"/kernel-{i}.json")
        assert parent_handle == parent_pid != 0


def test_interrupt_restart_and_kill_work_as_for_a_plain_kernel(seen: dict[str, object]) -> None:
    assert seen["interrupt"] == "KeyboardInterrupt"
    assert seen["restart"] == [True, True, ["code=Q1&t=tok1", "用户1",
                                            str(REPO_ROOT / "exercises"), True, *KERNEL_FACTS]]
    assert seen["killed"] == [-9, False]  # the exit status came through; no zombie left


def test_shutdown_leaves_no_process_and_the_parent_reaped_all(seen: dict[str, object]) -> None:
    assert seen["left"] == []
    assert seen["atexit"] == "saved"  # exit callbacks ran, as when a plain kernel exits
    after = seen["status_after"]
    assert isinstance(after, dict) and after["children"] == []


def test_parent_never_holds_a_trainee_identity() -> None:
    from kit.kernels.supervisor import parent_environment

    env = parent_environment({"QUERY_STRING": "t=x", "JUPYTERHUB_USER": "u", "JPY_PARENT_PID":
                              "1", "VOILA_REQUEST_URL": "u", "PATH": "/bin", "KIT_DB_URL": "d"})
    assert set(env) == {"PATH", "KIT_DB_URL", "KIT_FORK_PARENT_CWD",
                        "PYDEVD_DISABLE_FILE_VALIDATION"}
