"""With Material's footer "Next" link on (navigation.footer), a page's own "Next:" line must lead to the same page, so
a student is never sent two ways; with the footer off, as now, there is one "next" only.
"""
from __future__ import annotations

import itertools
import re
from pathlib import Path

from guide.sources import site_config
from guide.sources.errors import SourceError
from guide.sources.words import words as said

FOOTER_FEATURE = "navigation.footer"
PAGE_LINK = re.compile(r"\]\(\s*(?:\./)?([^)\s#]+\.md)(?:#[^)\s]*)?\s*\)")


def own_next(text: str, words: str) -> tuple[int, list[str]] | None:
    """The line of the paragraph that starts with the next words, and the pages its links lead to."""
    lines = text.splitlines()
    for number, line in enumerate(lines, 1):
        if line.strip().startswith(words):
            paragraph = " ".join(itertools.takewhile(str.strip, lines[number - 1:]))
            return number, [target.removeprefix("./") for target in PAGE_LINK.findall(paragraph)]
    return None


def next_problems(root: Path) -> list[str]:
    try:
        config = site_config.read(root)
    except SourceError:  # the content check names what is wrong with mkdocs.yml
        return []
    theme = config.data.get("theme") if isinstance(config.data.get("theme"), dict) else {}
    if FOOTER_FEATURE not in (theme.get("features") or []):
        return []
    files = site_config.nav_files(config.nav)
    problems: list[str] = []
    for here, after in itertools.pairwise(files):
        stem, after_stem = here.removesuffix(".md"), after.removesuffix(".md")
        for lang, words in ((code, said(code).next_line) for code in config.codes):
            page = root / "docs" / f"{stem}.{lang}.md"
            if not page.is_file():
                continue
            found = own_next(page.read_text(encoding="utf-8", errors="replace"), words)
            if found is None:
                continue
            number, targets = found
            if not {after, f"{after_stem}.{lang}.md"} & set(targets):
                leads = ", ".join(targets) or "no page"
                problems.append(f"docs/{stem}.{lang}.md:{number}: the footer's Next is {after} (the next page in "
                                f"the nav of mkdocs.yml), but this '{words}' line leads to {leads}: make them agree "
                                "(reorder the nav in mkdocs.yml, or change the line)")
    return problems
