"""A small XML tree with line numbers, through ``xml.sax`` (expat); no DTD, no entities."""

from __future__ import annotations

import io
import xml.sax
import xml.sax.handler
from dataclasses import dataclass, field
from xml.sax.xmlreader import AttributesImpl, Locator

from kit.i18n import _


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    line: int
    children: list[Node] = field(default_factory=list)
    text: str = ""

    def find(self, tag: str) -> Node | None:
        return next((c for c in self.children if c.tag == tag), None)

    def all(self, tag: str) -> list[Node]:
        return [c for c in self.children if c.tag == tag]

    def value(self, *path: str) -> str:
        node: Node | None = self
        for tag in path:
            node = node.find(tag) if node else None
        return node.text.strip() if node else ""


class _Builder(xml.sax.handler.ContentHandler):
    def __init__(self) -> None:
        super().__init__()
        self.stack = [Node("#root", {}, 1)]
        self.locator: Locator | None = None

    def setDocumentLocator(self, locator: Locator) -> None:
        self.locator = locator

    def startElement(self, name: str, attrs: AttributesImpl) -> None:
        line = (self.locator.getLineNumber() if self.locator else None) or 1
        node = Node(name, dict(attrs.items()), line)
        self.stack[-1].children.append(node)
        self.stack.append(node)

    def endElement(self, name: str) -> None:
        self.stack.pop()

    def characters(self, content: str) -> None:
        self.stack[-1].text += content


def read_tree(source: str) -> Node:
    if "<!DOCTYPE" in source or "<!ENTITY" in source:
        raise ValueError(_("题库 XML 含有 DTD(<!DOCTYPE>/<!ENTITY>),为安全起见不予读取"))
    builder = _Builder()
    parser = xml.sax.make_parser()
    parser.setFeature(xml.sax.handler.feature_external_ges, False)
    parser.setFeature(xml.sax.handler.feature_external_pes, False)
    parser.setContentHandler(builder)
    try:
        parser.parse(io.BytesIO(source.encode("utf-8")))
    except xml.sax.SAXParseException as exc:
        raise ValueError(_("第 {line} 行:XML 格式错误({error})").format(
            line=exc.getLineNumber(), error=exc.getMessage())) from exc
    return builder.stack[0]
