"""The trainee kernel app reads the kernelspec's own launch line without traitlets' parser."""

from __future__ import annotations

from typing import Any

import pytest

from kit.kernels.kernel import TraineeKernelApp


@pytest.fixture
def app(monkeypatch: pytest.MonkeyPatch) -> TraineeKernelApp:
    built: list[Any] = []
    original = TraineeKernelApp._create_loader

    def loader(self: TraineeKernelApp, *args: Any, **kwargs: Any) -> Any:
        built.append(args)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(TraineeKernelApp, "_create_loader", loader)
    made = TraineeKernelApp()
    made.built = built  # type: ignore[attr-defined]
    return made


def test_the_launch_line_is_read_without_building_the_parser(app: TraineeKernelApp) -> None:
    app.parse_command_line(["-f", "/tmp/kernel-7.json"])
    assert app.connection_file == "/tmp/kernel-7.json"
    assert app.extra_args == [] and app.cli_config == {"IPKernelApp":
                                                       {"connection_file": "/tmp/kernel-7.json"}}
    assert app.built == []  # type: ignore[attr-defined]


def test_any_other_line_goes_to_traitlets(app: TraineeKernelApp) -> None:
    app.parse_command_line(["-f", "/tmp/kernel-8.json", "--IPKernelApp.ip=127.0.0.9"])
    assert app.connection_file == "/tmp/kernel-8.json" and app.ip == "127.0.0.9"
    assert len(app.built) == 1  # type: ignore[attr-defined]
