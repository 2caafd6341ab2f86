"""What `kit serve` prints: the kit's own pages, a QR code of the trainee page, and no noise."""

from __future__ import annotations

import re
import urllib.request
from pathlib import Path

from kit.serve import ServeOptions, _qr, urls
from tests.serverproc import start


def test_prints_only_the_kit_pages_and_a_qr_code_of_the_trainee_page(tmp_path: Path) -> None:
    server = start(tmp_path)
    try:
        with urllib.request.urlopen(server.urls["学员"], timeout=120) as resp:
            assert resp.status == 200
    finally:
        assert server.stop() == 0
    log = server.log.read_text("utf-8")
    kit_pages = set(urls(ServeOptions(port=server.port)).values())
    printed = set(re.findall(r"http://\S+", log))
    assert printed == kit_pages, printed - kit_pages
    assert _qr(server.urls["学员"]) in log  # the QR code encodes exactly the trainee URL
    assert "not trusted" not in log and "Voilà is running at" not in log


def test_lan_serving_shows_the_address_for_phones() -> None:
    from kit.serve import _lan_addresses, _lan_hint

    opts = ServeOptions(host="0.0.0.0", port=8999)
    hint = _lan_hint(opts)
    for ip in _lan_addresses(opts):
        assert f"http://{ip}:8999/" in hint
    assert "局域网" in hint
