"""includes/search-queries.yml (`- [query, page, section]` per language): make check types each query into the built
site (search_ranking.py), and names here a query whose page or section is gone, with its line.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from guide.checks.source_hygiene import HEADING, heading_id
from guide.outputs import redirects as rd
from guide.sources.errors import SourceError, yaml_error
from guide.sources.markup import outside_fences

QUERIES_FILE = "includes/search-queries.yml"
SHAPE = "each line is - [what a student types, page, section] (section \"\" for the whole page)"


@dataclass(frozen=True)
class Query:
    lang: str
    text: str
    page: str
    section: str
    line: int


def read_queries(root: Path, languages: list[str]) -> list[Query | str]:
    """The lines of the query file in its order: each a Query, or the problem of a line of the wrong shape."""
    try:
        document = yaml.compose((root / QUERIES_FILE).read_text(encoding="utf-8"))
    except OSError:
        return []
    except yaml.YAMLError as err:
        where, problem = yaml_error(err, QUERIES_FILE, unmarked=1)
        return [f"{where}: not valid YAML ({problem}): {SHAPE}"]
    if not isinstance(document, yaml.MappingNode):
        return [(f"{QUERIES_FILE}:1: expected one list per language ({', '.join(f'{lang}:' for lang in languages)}),"
                 f" {SHAPE}")]
    found: list[Query | str] = []
    for key, rows in document.value:
        lang, where = key.value, f"{QUERIES_FILE}:{key.start_mark.line + 1}"
        if lang not in languages:
            found.append(f"{where}: {lang} is not a language of mkdocs.yml ({', '.join(languages)}): put the queries "
                         "under one of those")
            continue
        if not isinstance(rows, yaml.SequenceNode):
            found.append(f"{where}: {lang}: needs a list of queries: {SHAPE}")
            continue
        for row in rows.value:
            items = [item.value for item in row.value] if isinstance(row, yaml.SequenceNode) else []
            if len(items) != 3 or not all(isinstance(item, str) for item in items) or not items[0] or not items[1]:
                found.append(f"{QUERIES_FILE}:{row.start_mark.line + 1}: {SHAPE}")
            else:
                found.append(Query(lang, *items, row.start_mark.line + 1))
    return found


def heading_ids(text: str) -> set[str]:
    """The id of every heading of a page: its {#id}, or the one MkDocs makes from its words."""
    return {heading_id(match.group("text")) for _, line in outside_fences(text) if (match := HEADING.match(line))}


def current_page(page: str, moves: dict[str, rd.Redirect]) -> str:
    """A page name after the renames of redirects.yml: "fix-name" -> "change-name"."""
    path = "" if page == "index" else f"{page}/"
    for _hop in range(len(moves) + 1):  # at most one hop per rename: a loop of renames ends
        path = moves[path].page if path in moves else path
    return path.rstrip("/") or "index"


def renames(root: Path) -> dict[str, rd.Redirect]:
    """The renames of redirects.yml by old address; none when it cannot be read (the content check names it)."""
    try:
        return {r.old.strip("/") + "/": r for r in rd.load_redirects(root)[0]}
    except (SourceError, ValueError):
        return {}


def query_problems(root: Path, languages: list[str]) -> list[str]:
    moves = renames(root)
    problems: list[str] = []
    ids: dict[Path, set[str]] = {}
    for query in read_queries(root, languages):
        if isinstance(query, str):
            problems.append(query)
            continue
        where, name = f"{QUERIES_FILE}:{query.line}: {query.text!r}", current_page(query.page, moves)
        source = root / "docs" / f"{name}.{query.lang}.md"
        if not source.is_file():
            problems.append(f"{where}: there is no page docs/{name}.{query.lang}.md: write the name of the page that "
                            "answers now (as in docs/, without the language), or delete the line")
        elif query.section:
            if source not in ids:
                ids[source] = heading_ids(source.read_text(encoding="utf-8", errors="replace"))
            if query.section not in ids[source]:
                problems.append(f"{where}: docs/{name}.{query.lang}.md has no heading {{#{query.section}}}: write the "
                                "id of the heading that answers now, or \"\" for the whole page")
    return problems
