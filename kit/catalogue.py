"""Keep the UI catalogue current (a developer's tool, with Babel): ``python -m kit.catalogue``.

- ``update``: collect every ``_("…")`` and ``N_("…")`` in ``kit/`` into
  ``kit/locale/en/LC_MESSAGES/kit.po`` (translations already there are kept; strings no longer
  used are dropped), then compile ``kit.mo``;
- ``check``: exit 1 if the ``.po`` misses a string, has an untranslated one, or the ``.mo``
  is not the compiled ``.po`` (``tests/test_i18n.py`` runs the same checks).
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from kit.i18n import DOMAIN, LOCALE

KIT = Path(__file__).parent
PO = LOCALE / "en" / "LC_MESSAGES" / f"{DOMAIN}.po"
MO = PO.with_suffix(".mo")
KEYWORDS = {"_": None, "N_": None}


def template() -> Catalog:
    """Every UI string in the code, with where it is used."""
    found = Catalog(locale="zh", domain=DOMAIN, project="xiaobao-kit")
    for path, line, message, comments, _context in extract_from_dir(
            str(KIT), method_map=[("**.py", "python")], keywords=KEYWORDS):
        if isinstance(message, str) and message:
            found.add(message, locations=[(f"kit/{path}", line)], auto_comments=comments)
    return found


def read(path: Path = PO) -> Catalog:
    if not path.exists():
        return Catalog(locale="en", domain=DOMAIN, project="xiaobao-kit")
    with path.open("rb") as fh:
        return read_po(fh, locale="en", domain=DOMAIN)


def compiled(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalog)
    return out.getvalue()


def problems() -> list[str]:
    """What is wrong with the catalogue, in Chinese (empty when all is current)."""
    po, wanted = read(), {m.id for m in template() if m.id}
    have = {m.id: m.string for m in po if m.id}
    out = [f"目录缺少:{m}" for m in sorted(wanted - set(have))]
    out += [f"没有英文:{m}" for m in sorted(wanted) if m in have and not have[m]]
    if not MO.exists() or MO.read_bytes() != compiled(po):
        out.append(f"{MO.name} 不是 {PO.name} 的编译结果:请运行 python -m kit.catalogue update")
    return out


def update() -> int:
    po = read()
    po.update(template(), no_fuzzy_matching=True)
    po.obsolete.clear()
    PO.parent.mkdir(parents=True, exist_ok=True)
    with PO.open("wb") as fh:
        write_po(fh, po, width=100, sort_output=False, ignore_obsolete=True)
    MO.write_bytes(compiled(read()))
    missing = sum(1 for m in read() if m.id and not m.string)
    print(f"目录已更新:{len(po)} 条,尚缺英文 {missing} 条。")
    return 0


def main(argv: list[str]) -> int:
    if argv[:1] == ["update"]:
        return update()
    found = problems()
    print("\n".join(found) or "目录完整。")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
