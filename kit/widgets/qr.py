"""A QR code as inline SVG (segno): drawn on the server, nothing fetched by the page."""

from __future__ import annotations


def qr_svg(text: str, scale: int = 8) -> str:
    import segno

    return str(segno.make(text, error="m").svg_inline(scale=scale, border=2, dark="#101828",
                                                      light="#ffffff"))
