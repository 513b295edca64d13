"""QR codes as small SVG documents (vector: sharp on paper at any size)."""
from __future__ import annotations

import io

import segno


def qr_svg(url: str, *, dark: str = "#000000", scale: int = 4) -> str:
    """An SVG QR code for url, with the quiet zone the standard asks for; no XML declaration and a viewBox
    instead of a fixed size, so that it inlines in HTML and CSS sizes it."""
    code = segno.make(url, error="m", micro=False)
    out = io.BytesIO()
    code.save(out, kind="svg", dark=dark, scale=scale, border=4, xmldecl=False, svgns=True, nl=False, omitsize=True)
    return out.getvalue().decode("utf-8")
