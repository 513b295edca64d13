"""Fail the build when a page's front matter is not valid YAML.

MkDocs silently treats a broken front matter block as page text: the page loses its description and shows the
YAML as a heading. A colon inside an unquoted value is enough (`description: Step 1: register`). This hook
names the file and line instead. A page without a `description` fails too: search engines and shared links
would show the site's general description for it.
"""
from __future__ import annotations

import re

import yaml

BLOCK = re.compile(r"\A---[ \t]*\n(?P<body>(?:.*?\n)??)---[ \t]*\n", re.DOTALL)


def front_matter_problem(source: str, src: str) -> str | None:
    """A one-line problem for a front matter block that is not a YAML mapping, or None."""
    match = BLOCK.match(source)
    if not match:
        return f"{src}:1: page has no front matter: start the file with ---, description: ..., --- (one sentence for search results)"
    try:
        data = yaml.safe_load(match.group("body"))
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 2 if mark else 1  # +1 for the opening ---, +1 for counting from 1
        return f"{src}:{line}: front matter is not valid YAML ({getattr(err, 'problem', err)}): quote the value"
    if data is None:  # an empty block: --- then ---
        data = {}
    if not isinstance(data, dict):
        return f"{src}:2: front matter must be a mapping such as 'description: ...'"
    if not str(data.get("description") or "").strip():
        return f"{src}:1: front matter has no description: add 'description: ...' (one sentence for search results)"
    return None
