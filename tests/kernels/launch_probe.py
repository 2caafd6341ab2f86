"""Run as a program: launch kit-trainee kernels through the provisioner, as Voilà would.

It plays the Voilà process (so it becomes the subreaper), prints one JSON line of what it saw.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sys
from pathlib import Path
from typing import Any

from jupyter_client.manager import AsyncKernelManager

from kit.kernels import supervisor
from kit.kernels.protocol import ask

FACTS = ("__import__('json').dumps([__import__('os').environ.get('QUERY_STRING'), "
         "__import__('os').environ.get('JUPYTERHUB_USER'), __import__('os').getcwd(), "
         "'kit.live.trainee' in __import__('sys').modules, type(get_ipython().kernel).__name__, "
         "len(get_ipython().kernel._kernel_modules), "
         "__import__('ipykernel.ipkernel').ipkernel.sys is __import__('sys'), "
         "type(__import__('ipykernel.kernelapp').kernelapp.IPKernelApp.instance()).__name__, "
         "'kit.live.trainee' in get_ipython()._sys_modules_keys, "
         "__import__('IPython.core.shellapp').core.shellapp.sys is __import__('sys'), "
         "__import__('kit.kernels.ksm').kernels.ksm.mergeable(), "
         "sorted(t for t in __import__('comm').get_comm_manager().targets "
         "if t.startswith('jupyter.widget'))])")
APP_FACTS = ("__import__('json').dumps([(app := __import__('ipykernel.kernelapp').kernelapp"
             ".IPKernelApp.instance()).connection_file, app.parent_handle, "
             "int(__import__('os').environ['JPY_PARENT_PID'])])")


async def facts(km: AsyncKernelManager, expression: str = FACTS) -> list[Any]:
    kc = km.client()
    kc.start_channels()
    await kc.wait_for_ready(timeout=60)
    reply = await kc.execute("", silent=True, user_expressions={"f": expression}, reply=True,
                             timeout=30)
    kc.stop_channels()
    import ast

    return list(json.loads(ast.literal_eval(reply["content"]["user_expressions"]["f"]["data"]
                                            ["text/plain"])))


async def start(i: int, tmp: Path, cwd: str) -> AsyncKernelManager:
    km = AsyncKernelManager(kernel_name="kit-trainee", transport="ipc",
                            connection_file=str(tmp / f"kernel-{i}.json"))
    env = {**os.environ, "QUERY_STRING": f"code=Q{i}&t=tok{i}", "JUPYTERHUB_USER": f"用户{i}"}
    await km.start_kernel(env=env, cwd=cwd)
    return km


async def interrupted(km: AsyncKernelManager) -> str:
    kc = km.client()
    kc.start_channels()
    await kc.wait_for_ready(timeout=60)
    msg_id = kc.execute("import time; time.sleep(60)")
    await asyncio.sleep(1.0)
    await km.interrupt_kernel()
    reply = await kc.get_shell_msg(timeout=30)
    kc.stop_channels()
    assert reply["parent_header"]["msg_id"] == msg_id
    return str(reply["content"].get("ename"))


async def main(tmp: Path, cwd: str, n: int) -> dict[str, Any]:
    kms = await asyncio.gather(*(start(i, tmp, cwd) for i in range(n)))
    out: dict[str, Any] = {"forked": [km.provisioner.forked is not None for km in kms],
                           "threads": [km.provisioner.forked.launched.threads for km in kms
                                       if km.provisioner.forked],
                           "facts": [await facts(km) for km in kms],
                           "app": [await facts(km, APP_FACTS) for km in kms]}
    sv = supervisor.get()
    out["status"] = ask(sv.path, {"op": "status"})[0]
    out["interrupt"] = await interrupted(kms[0])
    old = kms[1].provisioner.pid
    await kms[1].restart_kernel(now=False)
    out["restart"] = [old != kms[1].provisioner.pid, kms[1].provisioner.forked is not None,
                      await facts(kms[1])]
    victim = kms[2].provisioner.pid
    os.kill(victim, signal.SIGKILL)
    for _ in range(100):
        if (code := await kms[2].provisioner.poll()) is not None:
            break
        await asyncio.sleep(0.05)
    out["killed"] = [code, os.path.exists(f"/proc/{victim}")]
    marker = tmp / "atexit-ran"
    kc = kms[3].client()
    kc.start_channels()
    await kc.wait_for_ready(timeout=60)
    await kc.execute(f"import atexit; atexit.register(lambda: open({str(marker)!r}, 'w')"
                     ".write('saved'))", reply=True, timeout=30)
    kc.stop_channels()
    pids = [km.provisioner.pid for km in kms]
    await asyncio.gather(*(km.shutdown_kernel(now=km is kms[2]) for km in kms))
    await asyncio.sleep(0.5)
    out["left"] = [p for p in pids if os.path.exists(f"/proc/{p}")]
    out["atexit"] = marker.read_text() if marker.exists() else None
    out["status_after"] = ask(sv.path, {"op": "status"})[0]
    sv.stop()
    return out


if __name__ == "__main__":
    print(json.dumps(asyncio.run(main(Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]))),
                     ensure_ascii=False))
