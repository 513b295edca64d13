"""Two requests less on every first visit, each a file that a phone fetched for nothing it shows at once.

- The print sheet (a `<link media="print">` is still downloaded with the page): its rules are appended to the built
  guide.css inside `@media print` (its `@page` rules outside, where they apply to paper only anyway). The one source
  stays docs/assets/stylesheets/print.css, and the PDF export still reads the built print.css.
- The icon: each page carries Material's SVG favicon as a data: address (the Content-Security-Policy allows it).
"""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote

from mkdocs.exceptions import PluginError

from guide.outputs.built_site import BuiltSite, guide_path

STYLESHEETS = Path("assets", "stylesheets")
SCREEN, PRINT = "guide.css", "print.css"
MARKER = "/* Paper: print.css, appended at build time (guide/outputs/fewer_requests.py). */"
_PAGE_RULE = re.compile(r"@page\b[^{]*\{[^{}]*\}")
_ICON = re.compile(r'<link rel="icon" href="([^"]+\.svg)">')


def with_print_rules(screen: str, paper: str) -> str:
    screen = screen.split("\n" + MARKER, 1)[0].rstrip("\n") + "\n"
    pages = "\n".join(_PAGE_RULE.findall(paper))
    rest = _PAGE_RULE.sub("", paper).strip()
    return f"{screen}\n{MARKER}\n{pages}\n@media print {{\n{rest}\n}}\n"


def icon_data(svg: str) -> str:
    """An SVG as a data: address, percent-encoded only where a URL or an HTML attribute needs it."""
    return "data:image/svg+xml," + quote(" ".join(svg.split()), safe=" /=:;,.'()-_")


def run(built: BuiltSite) -> None:
    folder = built.site / STYLESHEETS
    for name in (SCREEN, PRINT):
        if not (folder / name).is_file():
            raise PluginError(f"guide/outputs/fewer_requests.py: the build has no {STYLESHEETS / name}: restore "
                              f"docs/{STYLESHEETS / name} (the pages and the PDFs need it)")
    screen = folder / SCREEN
    screen.write_text(with_print_rules(screen.read_text(encoding="utf-8"),
                                       (folder / PRINT).read_text(encoding="utf-8")), encoding="utf-8")
    icons: dict[Path, str] = {}
    root = guide_path(built.site_url).lstrip("/")  # '' at the host's root, 'chsi-guide/' under a path
    for page in built.site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")

        def inline(match: re.Match[str], page: Path = page) -> str:
            href = match.group(1)
            if href.startswith("data:"):
                return match.group(0)
            # A page names the icon relative to itself, or from the server's root (the 404 pages, at any depth).
            path = (built.site / href.lstrip("/").removeprefix(root)) if href.startswith("/") \
                else (page.parent / href)
            path = path.resolve()
            if path not in icons:
                if not path.is_file():
                    return match.group(0)  # not the site's own file: leave the address as it is
                icons[path] = icon_data(path.read_text(encoding="utf-8"))
            return f'<link rel="icon" href="{icons[path]}">'

        new = _ICON.sub(inline, html)
        if new != html:
            page.write_text(new, encoding="utf-8")

