"""Fail the build on the mistakes an editor's text editor makes silently, with file:line and what to do.

- a page saved with a byte order mark (BOM) or as UTF-16: MkDocs reads the BOM as text or fails to decode;
- a tab character: Markdown reads a tab as four spaces, which turns text into code or breaks a list;
- a heading level skipped (## then ####): screen readers and the table of contents lose the structure;
- two headings with the same id: links to the second one land on the first.

Headings inside fenced code blocks are not headings and are skipped.
"""
from __future__ import annotations

import re
from pathlib import Path

from markdown.extensions.toc import slugify
from mkdocs.exceptions import PluginError

HEADING = re.compile(r"^(?P<hashes>#{1,6})[ \t]+(?P<text>.*?)[ \t]*#*[ \t]*$")
EXPLICIT_ID = re.compile(r"\{[^}]*#(?P<id>[^\s}]+)[^}]*\}\s*$")
FENCE = re.compile(r"^\s*(```|~~~)")


def source_problems(raw: bytes, src: str) -> list[str]:
    """One line per problem in a Markdown file's bytes: 'docs/x.en.md:LINE: what is wrong: what to do'."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in raw[:200]:
        return [f"{src}:1: file is saved as UTF-16: save it again as UTF-8 (without BOM)"]
    if raw.startswith(b"\xef\xbb\xbf"):
        return [f"{src}:1: file starts with a byte order mark (BOM): save it again as UTF-8 without BOM"]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[:err.start].count(b"\n") + 1
        return [f"{src}:{line}: file is not UTF-8: save it again as UTF-8 (without BOM)"]
    problems = []
    previous_level = 0
    seen: dict[str, int] = {}
    in_fence = False
    for number, line in enumerate(text.splitlines(), start=1):
        if "\t" in line:
            problems.append(f"{src}:{number}: tab character: replace it with spaces (4 to indent a list or block)")
        if FENCE.match(line):
            in_fence = not in_fence
            continue
        match = None if in_fence else HEADING.match(line)
        if not match:
            continue
        level = len(match.group("hashes"))
        if previous_level and level > previous_level + 1:
            problems.append(f"{src}:{number}: heading level skipped ({'#' * previous_level} then {'#' * level}): "
                            f"use {'#' * (previous_level + 1)}")
        previous_level = level
        explicit = EXPLICIT_ID.search(match.group("text"))
        anchor = explicit.group("id") if explicit else slugify(match.group("text"), "-")
        if not anchor:
            continue
        if anchor in seen:
            problems.append(f"{src}:{number}: heading id '{anchor}' is already used on line {seen[anchor]}: "
                            "give one of them another {#id}")
        else:
            seen[anchor] = number
    return problems


def on_files(files, config):
    problems = []
    for file in files:
        if file.src_uri.endswith(".md") and file.abs_src_path:
            problems.extend(source_problems(Path(file.abs_src_path).read_bytes(), f"docs/{file.src_uri}"))
    if problems:
        raise PluginError("Pages to fix before the build can go on:\n" + "\n".join(problems))
    return files
