"""Give MkDocs' link warnings, which name only the file, the line a maintainer must fix and what to do: each is
rewritten as it is logged to start with `docs/FILE:LINE:`, and still counts for --strict."""
from __future__ import annotations

import logging
import re
from pathlib import Path

# The messages of mkdocs.structure.pages (MkDocs 1.6), with the page, the link as written, and what is wrong.
PATTERNS = [
    (re.compile(r"Doc file '(?P<page>[^']+)' contains a link '(?P<link>[^']+)', but the target(?: '[^']+')? is not "
                r"found among documentation files\.(?P<hint> Did you mean '[^']+'\?)?"),
     ("{kind} '{link}', which is not in docs/: check the spelling (a page is linked as NAME.md, a picture as "
     "images/NAME.png){hint}")),
    (re.compile(r"Doc file '(?P<page>[^']+)' contains a link '(?P<link>#[^']+)', but there is no such anchor on this "
                r"page\.(?P<hint>.*)"),
     ("links to '{link}', but no heading on this page has that id: use an id written after a heading, "
     "as in ## Title {{#the-id}}{hint}")),
    (re.compile(r"Doc file '(?P<page>[^']+)' contains a link '(?P<link>[^']+)', but the doc '(?P<doc>[^']+)' does not "
                r"contain an anchor '#[^']+'\.(?P<hint>.*)"),
     ("links to '{link}', but no heading of docs/{doc} has that id: use an id written after one of its headings"
     "{hint}")),
    (re.compile(r"Doc file '(?P<page>[^']+)' contains an unrecognized relative link '(?P<link>[^']+)', it was left as "
                r"is\.(?P<hint>.*)"),
     "links to '{link}', which is not a page: link a page as NAME.md{hint}"),
]
_docs_dir = Path("docs")


def line_of(source: str, link: str) -> int:
    """The first line that holds the link as written: in (...) after link text, or as a reference definition."""
    lines = source.splitlines()
    patterns = (f"({link})", f"({link} ", f"]: {link}", link)
    return next((n for pattern in patterns for n, text in enumerate(lines, 1) if pattern in text), 1)


def locate(message: str, docs_dir: Path) -> str | None:
    """The warning with its file:line and what to do, or None for a message this hook does not know."""
    for pattern, advice in PATTERNS:
        match = pattern.fullmatch(message)
        if not match:
            continue
        fields = match.groupdict()
        page = docs_dir / fields["page"]
        try:
            number = line_of(page.read_text(encoding="utf-8"), fields["link"])
        except OSError:
            number = 1
        kind = "shows" if re.search(r"\.(png|jpe?g|svg|gif|webp)$", fields["link"]) else "links to"
        text = advice.format(kind=kind, link=fields["link"], doc=fields.get("doc", ""),
                             hint=(fields.get("hint") or "").rstrip())
        return f"{docs_dir.name}/{fields['page']}:{number}: {text}"
    return None


def _with_line(record: logging.LogRecord) -> bool:
    """A logging filter: the record rewritten with its file and line when this hook knows its message."""
    located = locate(record.getMessage(), _docs_dir)
    if located:
        record.msg, record.args = located, ()
    return True


def on_config(config):
    global _docs_dir
    _docs_dir = Path(config.docs_dir)
    logger = logging.getLogger("mkdocs.structure.pages")
    if _with_line not in logger.filters:
        logger.addFilter(_with_line)
    return config
