"""The mistakes an editor's text editor makes silently, each with file:line and what to do: a BOM or UTF-16 (MkDocs
reads it as text or fails), a tab (Markdown reads four spaces: code, or a broken list), a skipped heading level
(screen readers lose the structure), a heading id used twice (links land on the first) or not kebab-case (e-mails
link to ids), a look-alike space pasted from Word (it does not wrap, or is invisible), a curly quote opening a YAML
value (YAML needs straight quotes).
"""
from __future__ import annotations

import re

from markdown.extensions.toc import slugify

from guide.sources.markup import prose_lines

HEADING = re.compile(r"^(?P<hashes>#{1,6})[ \t]+(?P<text>.*?)[ \t]*#*[ \t]*$")
EXPLICIT_ID = re.compile(r"\{[^}]*#(?P<id>[^\s}]+)[^}]*\}\s*$")
ID_BLOCK = re.compile(r"\{\s*#(?P<raw>[^}]*?)\s*\}\s*$")
KEBAB = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
INVISIBLE = {"\u00a0": "non-breaking space (U+00A0)", "\u200b": "zero-width space (U+200B)",
             "\u202f": "narrow non-breaking space (U+202F)", "\ufeff": "zero-width no-break space (U+FEFF)"}
CURLY_VALUE = re.compile(r"^(?P<key>\s*(?:- )?[^:#]+:)\s*(?P<quote>[\u201c\u201d\u2018\u2019])")
YAML_FILES = ("includes/ui-labels.yml", "includes/screens.yml", "includes/checked.yml", "published-links.yml",
              "redirects.yml")


def heading_id(text: str) -> str:
    """A heading's id: its {#id}, or the one MkDocs makes from its words."""
    explicit = EXPLICIT_ID.search(text)
    return explicit.group("id") if explicit else slugify(text, "-")


def yaml_problems(text: str, src: str, first_line: int = 1) -> list[str]:
    """A value opened with a curly quote, one line each."""
    return [f"{src}:{number}: the value of '{match.group('key').strip()[:-1].lstrip('- ')}' starts with a curly quote "
            f"({match.group('quote')}): use straight quotes (\") around a YAML value"
            for number, line in enumerate(text.splitlines(), start=first_line) if (match := CURLY_VALUE.match(line))]


def character_problems(line: str, src: str, number: int) -> list[str]:
    """A tab, or a space that only looks like one (pasted from Word or a web page), on one line."""
    tab = [f"{src}:{number}: tab character: replace it with spaces (4 to indent a list or block)"] if "\t" in line else []
    return tab + [f"{src}:{number}: {name}, often pasted from Word or a web page: replace it with a normal space (or "
                  "delete it)" for char, name in INVISIBLE.items() if char in line]


def yaml_file_problems(text: str, src: str) -> list[str]:
    """A whole YAML file: tabs and look-alike spaces (YAML then fails, often naming a later line), curly quotes."""
    lines = enumerate(text.removeprefix("\ufeff").splitlines(), start=1)
    found = [problem for number, line in lines for problem in character_problems(line, src, number)]
    return found + yaml_problems(text, src)


def id_problem(raw: str, src: str, number: int) -> str | None:
    """An explicit heading id that is not lower-case kebab-case, with the id to write instead."""
    tokens = raw.split()
    # "{#id .class key=value}": the id is the first word; anything else with a space is an id with spaces.
    extras = len(tokens) > 1 and all(t.startswith(".") or "=" in t for t in tokens[1:])
    candidate = tokens[0] if extras else raw.strip()
    if KEBAB.match(candidate):
        return None
    better = re.sub(r"[^a-z0-9]+", "-", candidate.lower()).strip("-")
    what = ("capital letters" if candidate != candidate.lower() else "spaces" if " " in candidate
            else "characters other than a-z, 0-9 and -")
    return f"{src}:{number}: heading id '{candidate}' has {what}: write {{#{better}}} (ids are lower-case words joined by -)"


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
    # A web editor on Windows may save CRLF line endings: harmless to MkDocs, so read the lines the same way.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    problems = []
    front = re.match(r"---[ \t]*\n(?P<body>.*?\n)(?:---|\.\.\.)[ \t]*\n", text, re.DOTALL)
    if front:
        problems += yaml_problems(front.group("body"), src, first_line=2)
    previous_level = 0
    seen: dict[str, int] = {}
    # Lines as str.splitlines() breaks them (a form feed or U+2028 ends one too), fenced code left out of the headings.
    for number, line, prose in prose_lines("\n".join(text.splitlines())):
        problems += character_problems(line, src, number)
        match = HEADING.match(line) if prose else None
        if not match:
            continue
        level = len(match.group("hashes"))
        block = ID_BLOCK.search(match.group("text"))
        if block and (bad_id := id_problem(block.group("raw"), src, number)):
            problems.append(bad_id)
            continue
        if previous_level and level > previous_level + 1:
            problems.append(f"{src}:{number}: heading level skipped ({'#' * previous_level} then {'#' * level}): "
                            f"use {'#' * (previous_level + 1)}")
        previous_level = level
        anchor = heading_id(match.group("text"))
        if anchor in seen:
            problems.append(f"{src}:{number}: heading id '{anchor}' is already used on line {seen[anchor]}: "
                            "give one of them another {#id}")
        elif anchor:  # a heading of no words has no id to repeat
            seen[anchor] = number
    return problems
