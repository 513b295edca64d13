"""A QR code of each language's home page in downloads/, for the checklist pages and the PDF covers; only for a
public address (guide/sources/site_address.py): a preview's would lead nowhere.
"""
from __future__ import annotations

import io

import segno

from guide.outputs.built_site import BuiltSite
from guide.sources.site_address import public_address


def qr_code(url: str) -> segno.QRCode:
    """The project's one QR encoding of an address (the e-mail kit's PNGs use it too): a full QR code at error
    level M, which survives a smudged printout, never raised to a higher level that would make it denser."""
    return segno.make_qr(url, error="m", boost_error=False)


def qr_svg(url: str) -> str:
    """An SVG QR code for url: vector (sharp on paper at any size), the standard's quiet zone, a viewBox instead of
    a fixed size so that CSS sizes it, and no XML declaration so that it can be inlined in HTML."""
    out = io.BytesIO()
    qr_code(url).save(out, kind="svg", dark="#000000", scale=4, border=4, xmldecl=False, svgns=True, nl=False,
                      omitsize=True)
    return out.getvalue().decode("utf-8")


def run(built: BuiltSite) -> None:
    address = public_address(built.site_url)  # with its last slash
    if not address:
        return
    downloads = built.site / "downloads"
    downloads.mkdir(parents=True, exist_ok=True)
    for locale in built.locales:
        (downloads / f"qr-guide-{locale}.svg").write_text(qr_svg(address + built.folder(locale)), encoding="utf-8")
