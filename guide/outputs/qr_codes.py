"""A QR code of each language's home page in downloads/, for the checklist pages and the PDF covers; only for a
public address: a preview's would lead nowhere."""
from __future__ import annotations

import io

import segno

from guide.outputs.built_site import BuiltSite
from guide.sources.site_address import public_address


def qr_code(url: str) -> segno.QRCode:
    """The project's one QR encoding: level M survives a smudged printout; a higher one would make it denser."""
    return segno.make_qr(url, error="m", boost_error=False)


def qr_svg(url: str) -> str:
    """Vector (sharp on paper), sized by CSS through its viewBox, and without XML declaration, to inline in HTML."""
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
