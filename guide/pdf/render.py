"""Render a print document with WeasyPrint and write the PDF atomically (a temp file renamed into place)."""
from __future__ import annotations

import logging
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from weasyprint import CSS, HTML, URLFetcher
from weasyprint.text.fonts import FontConfiguration

from guide.pdf.fonts import FallbackFont


@dataclass(frozen=True)
class Rendered:
    path: Path
    pages: int
    size: int  # bytes


def quiet_weasyprint() -> None:
    """Material-style CSS yields hundreds of harmless 'unsupported property' warnings: keep errors only."""
    logging.getLogger("weasyprint").setLevel(logging.ERROR)


def write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        # mkstemp makes the file private (0600); a published download must be readable like any file mkdocs writes.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def render_pdf(html: str, base_dir: Path, stylesheets: list[Path], target: Path,
               named_families: frozenset[str] | None = None) -> Rendered:
    """Lay out html (relative URLs resolved against base_dir) with the stylesheets, and write target.

    With named_families, a PDF set in any other face is not written: WeasyPrint falls back without a word when a
    named family is not installed (for Chinese, often to Noto Sans CJK JP, whose glyph shapes are Japanese)."""
    fonts = FontConfiguration()
    # Only local files and inline data: the export never fetches anything from the network.
    fetcher = URLFetcher(allowed_protocols={"file", "data"})
    document = HTML(string=html, base_url=base_dir.as_uri() + "/", url_fetcher=fetcher).render(
        font_config=fonts,
        stylesheets=[CSS(filename=str(css), font_config=fonts, url_fetcher=fetcher) for css in stylesheets],
    )
    # Screenshots keep their pixels (dpi only caps images larger than print needs); images are losslessly optimised.
    # pdf_tags: a tagged PDF (headings, lists, tables, reading order) that screen readers can follow.
    data = document.write_pdf(optimize_images=True, dpi=200, pdf_tags=True)
    used = {font.family for font in document.fonts.values()}
    if named_families is not None and not used <= named_families:
        raise FallbackFont(f"{target.name}: set in {', '.join(sorted(used - named_families))}, which the stylesheets "
                           f"do not name (they name {', '.join(sorted(named_families))}): no PDF written")
    write_atomically(target, data)
    return Rendered(target, len(document.pages), len(data))
