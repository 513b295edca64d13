"""includes/search-queries.yml: what students type into the search box, and the page and section that answer.

Each line is `- [query, page, section]` under its language (a language of mkdocs.yml's i18n plugin): page is the
page's name in docs/ (index is the home page), section the {#id} of the heading that answers, or "" for the page as
a whole. The browser tests type each query and expect that page and section first; this check, run by make check,
names a query whose page or section is gone (a renamed page is followed through redirects.yml), with its line.
"""
from __future__ import annotations

from pathlib import Path

import yaml

from guide.checks.source_hygiene import EXPLICIT_ID, FENCE, HEADING, slugify
from guide.outputs import redirects as rd
from guide.sources.errors import SourceError

QUERIES_FILE = "includes/search-queries.yml"
SHAPE = "each line is - [what a student types, page, section] (section \"\" for the whole page)"


def heading_ids(text: str) -> set[str]:
    """The id of every heading of a page: its {#id}, or the one MkDocs makes from its words."""
    ids = set()
    in_fence = False
    for line in text.splitlines():
        if FENCE.match(line):
            in_fence = not in_fence
            continue
        match = None if in_fence else HEADING.match(line)
        if match:
            explicit = EXPLICIT_ID.search(match.group("text"))
            ids.add(explicit.group("id") if explicit else slugify(match.group("text"), "-"))
    return ids


def current_page(page: str, moves: dict[str, rd.Redirect]) -> str:
    """A page name after the renames of redirects.yml: "fix-name" -> "change-name"."""
    path = "" if page == "index" else f"{page}/"
    for _hop in range(len(moves) + 1):
        if path not in moves:
            break
        path = moves[path].page
    return path.rstrip("/") or "index"


def query_problems(root: Path, languages: list[str]) -> list[str]:
    path = root / QUERIES_FILE
    if not path.is_file():
        return []
    try:
        document = yaml.compose(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        return [f"{QUERIES_FILE}:{line}: not valid YAML ({getattr(err, 'problem', err)}): {SHAPE}"]
    if not isinstance(document, yaml.MappingNode):
        return [(f"{QUERIES_FILE}:1: expected one list per language ({', '.join(f'{lang}:' for lang in languages)}),"
                f" {SHAPE}")]
    try:
        moves = {r.old: r for r in rd.load_redirects(root)[0]}
    except (SourceError, ValueError):  # a broken redirects.yml is named by the content check
        moves = {}
    problems: list[str] = []
    ids: dict[Path, set[str]] = {}
    for key, rows in document.value:
        lang, where = key.value, f"{QUERIES_FILE}:{key.start_mark.line + 1}"
        if lang not in languages:
            problems.append(f"{where}: {lang} is not a language of mkdocs.yml ({', '.join(languages)}): "
                            "put the queries under one of those")
            continue
        if not isinstance(rows, yaml.SequenceNode):
            problems.append(f"{where}: {lang}: needs a list of queries: {SHAPE}")
            continue
        for row in rows.value:
            where = f"{QUERIES_FILE}:{row.start_mark.line + 1}"
            items = [item.value for item in row.value] if isinstance(row, yaml.SequenceNode) else []
            if len(items) != 3 or not all(isinstance(item, str) for item in items) or not items[0] or not items[1]:
                problems.append(f"{where}: {SHAPE}")
                continue
            query, page, section = items
            name = current_page(page, moves)
            source = root / "docs" / f"{name}.{lang}.md"
            if not source.is_file():
                problems.append(f"{where}: {query!r}: there is no page docs/{name}.{lang}.md: write the name of the "
                                "page that answers now (as in docs/, without the language), or delete the line")
                continue
            if section:
                if source not in ids:
                    ids[source] = heading_ids(source.read_text(encoding="utf-8", errors="replace"))
                if section not in ids[source]:
                    problems.append(f"{where}: {query!r}: docs/{name}.{lang}.md has no heading {{#{section}}}: write "
                                    "the id of the heading that answers now, or \"\" for the whole page")
    return problems
