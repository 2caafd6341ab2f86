"""One compiled copy of each page template, for all of Voilà's pages.

Voilà makes a new exporter for every page it renders, and each exporter a new Jinja environment
whose template cache starts empty, so every page parsed and compiled Voilà's templates again:
in a join burst that was four fifths of the server process's CPU (py-spy; docs/benchmarks.md).
Jinja's remedy is a bytecode cache. This one keeps the compiled code in memory for the life of
the server. Jinja keys it by template name and file and checks it against a digest of the
template's source, so an edited template is compiled afresh; sync and async code are kept apart.
"""

from __future__ import annotations

from types import CodeType
from typing import Any

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket


class SharedTemplates(BytecodeCache):
    def __init__(self) -> None:
        self.code: dict[tuple[bool, str], tuple[str, CodeType]] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        known = self.code.get(_key(bucket))
        if known is not None and known[0] == bucket.checksum:
            bucket.code = known[1]

    def dump_bytecode(self, bucket: Bucket) -> None:
        if bucket.code is not None:
            self.code[_key(bucket)] = (bucket.checksum, bucket.code)


def _key(bucket: Bucket) -> tuple[bool, str]:
    return bool(bucket.environment.is_async), bucket.key


TEMPLATES = SharedTemplates()


def install() -> None:
    """Give every Voilà exporter's environment the shared cache (once per process)."""
    from voila.exporter import VoilaExporter

    if getattr(VoilaExporter, "_kit_shared_templates", False):
        return
    create = VoilaExporter._create_environment

    def _create_environment(self: Any) -> Any:
        environment = create(self)
        environment.bytecode_cache = TEMPLATES
        return environment

    VoilaExporter._create_environment = _create_environment
    VoilaExporter._kit_shared_templates = True
