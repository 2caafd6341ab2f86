"""The fork parent's request for page merging (KSM), and the switch that turns it off."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.kernels.test_provisioner import PER_PROCESS_KSM

ASK = "from kit.kernels import ksm; print(ksm.enable(), ksm.mergeable())"


@pytest.mark.parametrize(("switch", "expected"), [("1", PER_PROCESS_KSM), ("0", False)])
def test_enable_marks_the_process_unless_switched_off(switch: str, expected: bool) -> None:
    out = subprocess.run([sys.executable, "-c", ASK], env={**os.environ, "KIT_KSM": switch},
                         capture_output=True, text=True, check=True).stdout.split()
    assert out == [str(expected), str(expected)]
