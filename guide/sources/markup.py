"""How every room splits a page's Markdown, written once so that the build and the checks split it the same way."""
from __future__ import annotations

import html
import re
from collections.abc import Iterator

FENCE = re.compile(r"^\s*(```|~~~)")
CODE_SPAN = re.compile(r"`[^`\n]+`")
COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
BOLD = re.compile(r"\*\*(?P<label>[^*\n]+?)\*\*")
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")  # a Chinese character (CJK unified ideographs and extension A)
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)  # as the office writes it: no trailing spaces, no `...`
TAG = re.compile(r"<[^>]+>")


def html_text(fragment: str) -> str:
    """An HTML fragment's text as a reader sees it: each tag a space, entities decoded."""
    return html.unescape(TAG.sub(" ", fragment))


def front_matter_lines(source: str) -> int:
    """How many lines MkDocs strips from the top of a page: the front matter and the blank lines after it."""
    match = re.match(r"---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*\n\n*", source, re.DOTALL)
    return match.group(0).count("\n") if match else 0


def prose_lines(markdown: str, first_line: int = 1) -> Iterator[tuple[int, str, bool]]:
    """(line number, line, whether it is prose) for each line: fenced code and its fences are not prose."""
    in_fence = False
    for number, line in enumerate(markdown.split("\n"), first_line):
        fence = bool(FENCE.match(line))
        if fence:
            in_fence = not in_fence
        yield number, line, not (fence or in_fence)


def outside_fences(text: str) -> Iterator[tuple[int, str]]:
    """(number, line) of each line of a page outside fenced code, the fence lines left out."""
    return ((number, line) for number, line, prose in prose_lines(text) if prose)
