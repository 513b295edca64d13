"""Join the guide's browser scripts into one fingerprinted file, and put the scripts that must run first inline.

A phone on a slow network pays for every request: the pages load one deferred `guide.<hash>.min.js` (overrides/
main.html names it `guide.js`; the fingerprint lets browsers keep it a year). INLINE scripts fill the empty
`<script data-guide-inline="NAME">` of overrides/main.html: the bare address's language decision (an English reader
is sent on before the Chinese page's files are fetched) and the search's hold on its index (before Material's
bundle). The sources stay in site/, so this step run again writes the same.
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

from mkdocs.exceptions import PluginError

from guide.outputs.built_site import BuiltSite

SCRIPTS = Path("assets", "javascripts")  # in docs/ and in the built site
# The deferred bundle, in the order its parts run.
BUNDLE = (
    "skip-material-sitemap-requests.js",
    "language-switcher.js",
    "copy-text.js",
    "mail-composer.js",
    "not-found-english-first.js",
    "checked-date.js",
    "search-paste.js",
    "search-nothing-found.js",
)
# Written into the pages that ask for them, before anything else in <head>.
INLINE = ("language-routing.js", "search-on-demand.js")

# The bundle as overrides/main.html names it, or as a previous run of this step renamed it.
_REFERENCE = re.compile(r'(<script src="[^"]*assets/javascripts/)guide(?:\.[0-9a-f]{8}\.min)?\.js"')
_FINGERPRINTED = re.compile(r"^guide\.[0-9a-f]{8}\.min\.js$")
_INLINE = re.compile(r'(<script data-guide-inline="([^"]+)"[^>]*>)(.*?)(</script>)', re.DOTALL)


def squeeze(source: str) -> str:
    """The script without its comment lines and indentation (none of the guide's scripts has a string that spans
    lines, so this changes nothing it runs); a trailing comment on a code line stays."""
    lines = (line.strip() for line in source.splitlines())
    return "\n".join(line for line in lines if line and not line.startswith("//")) + "\n"


def read_source(folder: Path, name: str) -> str:
    path = folder / name
    if not path.is_file():
        raise PluginError(f"guide/outputs/script_bundle.py: {SCRIPTS / name} is listed but missing from the build "
                          f"(docs/{SCRIPTS / name}): restore the file, or remove its line from BUNDLE or INLINE")
    return path.read_text(encoding="utf-8")


def joined(folder: Path) -> str:
    return "".join(f"// {name}\n{squeeze(read_source(folder, name))}" for name in BUNDLE)


def parts(text: str) -> dict[str, str]:
    """A joined bundle's sources by name: squeeze() dropped every other line starting with //."""
    chunks = re.split(r"^// (?=\S+\.js$)", text, flags=re.MULTILINE)[1:]
    return dict(chunk.split("\n", 1) for chunk in chunks)  # joined() ends each name with a newline


def fingerprinted_name(text: str, stem: str = "guide") -> str:
    """STEM.<8 hex>.min.js, as Material names its files: nginx lets browsers keep such a name for a year."""
    return f"{stem}.{hashlib.sha256(text.encode('utf-8')).hexdigest()[:8]}.min.js"


def fill_inline(html: str, folder: Path) -> str:
    def fill(match: re.Match[str]) -> str:
        name = match.group(2)
        if name not in INLINE:
            raise PluginError(f"guide/outputs/script_bundle.py: a page asks for {name!r} inline, which is not in "
                              f"INLINE ({', '.join(INLINE)}): add it there, or correct overrides/main.html")
        return match.group(1) + squeeze(read_source(folder, name)) + match.group(4)
    return _INLINE.sub(fill, html)


def run(built: BuiltSite) -> None:
    folder = built.site / SCRIPTS
    text = joined(folder)
    name = fingerprinted_name(text)
    for old in folder.glob("guide.*.min.js"):
        if _FINGERPRINTED.match(old.name) and old.name != name:
            old.unlink()
    (folder / name).write_text(text, encoding="utf-8")
    for page in built.site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        new = fill_inline(_REFERENCE.sub(lambda m: f'{m.group(1)}{name}"', html), folder)
        if new != html:
            page.write_text(new, encoding="utf-8")
