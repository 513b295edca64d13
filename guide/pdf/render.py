"""Render a print document with WeasyPrint and write the PDF atomically (a temp file renamed into place)."""
from __future__ import annotations

import os
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


def write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")  # made with the umask, readable like any file mkdocs writes
    try:
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def render_pdf(html: str, base_dir: Path, stylesheets: list[Path], target: Path,
               named_families: frozenset[str]) -> Rendered:
    """Lay out html (relative URLs resolved against base_dir) with the stylesheets, and write target."""
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
    # WeasyPrint falls back without a word when a named family is not installed (for Chinese, often to Noto Sans CJK
    # JP, whose glyph shapes are Japanese): a PDF set in any other face is not written.
    if not used <= named_families:
        raise FallbackFont(f"{target.name}: set in {', '.join(sorted(used - named_families))}, which the stylesheets "
                           f"do not name (they name {', '.join(sorted(named_families))}): no PDF written")
    write_atomically(target, data)
    return Rendered(target, len(document.pages), len(data))
