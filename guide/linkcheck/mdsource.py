"""Links and reference definitions in Markdown sources, with line numbers."""
from __future__ import annotations

import re
from collections.abc import Iterator

from guide.sources.markup import outside_fences

from .model import Link, Source

_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)  # one left open hides the rest
_CODE_SPAN = re.compile(r"(`+)(.+?)\1")
_DEFINITION = re.compile(r"""^ {0,3}\[([^\]^][^\]]*)\]:\s*<?([^\s>]+)>?(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*$""")
_INLINE = re.compile(r"!?\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\(\s*<?([^)\s>]*)>?(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)")
_FULL_REF = re.compile(r"!?\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\[([^\]]*)\]")
_AUTOLINK = re.compile(r"<((?:https?|mailto|tel):[^>\s]+)>", re.IGNORECASE)
_HTML_ATTR = re.compile(r"""\b(?:href|src)\s*=\s*["']([^"']+)["']""", re.IGNORECASE)
SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)


def normalize_ref(name: str) -> str:
    return " ".join(name.lower().split())


def code_free_lines(text: str) -> Iterator[tuple[int, str]]:
    """(line number, line) outside fenced code and HTML comments, as every room splits a page (sources/markup.py),
    with inline code spans blanked out."""
    text = _COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), text)  # each line keeps its number
    for number, line in outside_fences(text):
        yield number, _CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)


def definitions(text: str) -> dict[str, str]:
    """Reference name -> URL; the first definition of a name wins, as in Markdown."""
    found: dict[str, str] = {}
    for _, line in code_free_lines(text):
        if m := _DEFINITION.match(line):
            found.setdefault(normalize_ref(m.group(1)), m.group(2))
    return found


def extract(text: str, path: str, defs: dict[str, str]) -> tuple[list[Link], list[Link]]:
    """Every target, resolved through the definitions; and each [text][name] whose name has no definition."""
    links: list[Link] = []
    undefined: list[Link] = []
    for number, line in code_free_lines(text):
        where = Source(path, number)
        if d := _DEFINITION.match(line):
            links.append(Link(d.group(2), where))
            continue
        links += [Link(m.group(2), where) for m in _INLINE.finditer(line) if m.group(2)]
        for m in _FULL_REF.finditer(line):
            name = normalize_ref(m.group(2) or m.group(1))
            if name in defs:
                links.append(Link(defs[name], where))
            else:
                undefined.append(Link(f"[{m.group(2) or m.group(1)}]", where))
        links += [Link(m.group(1), where) for m in _AUTOLINK.finditer(line)]
        for m in _HTML_ATTR.finditer(line):
            # Raw HTML keeps its URLs as written, relative to the built page, not to this file: only remote
            # addresses are taken from it here; the built site's check resolves the rest.
            if SCHEME.match(m.group(1)) or m.group(1).startswith("//"):
                links.append(Link(m.group(1), where))
    return links, undefined
