"""published-links.yml against the pages: every page is listed (so a link to it that stops working is named), and
every listed address, down to its #anchor, is served by the built site (the PDFs are make test's: make build writes
them after MkDocs).
"""
from __future__ import annotations

from pathlib import Path

import yaml

from guide.outputs import redirects as rd
from guide.sources import published_links as pl
from guide.sources import site_config


def registry_and_roots(root: Path) -> tuple[pl.Registry, dict[str, str]]:
    """The registry and each language's folder in the built site; SourceError names what cannot be read."""
    roots = site_config.read(root, env={}).roots
    return pl.load_registry(root / pl.REGISTRY_NAME, list(roots)), roots


def unreadable(err: Exception) -> list[str]:
    text = str(err)
    return [text if text.startswith(pl.REGISTRY_NAME) else f"{pl.REGISTRY_NAME}: {text}: fix this entry"]


def listed_problems(root: Path) -> list[str]:
    if not (root / pl.REGISTRY_NAME).is_file():
        return []
    try:
        registry, roots = registry_and_roots(root)
        redirects = rd.load_redirects(root)[0]
    except (yaml.YAMLError, ValueError) as err:  # SourceError, of the registry or of redirects.yml
        return unreadable(err)
    default = next(iter(roots))
    moves = {r.old: r.page for r in redirects}
    listed: set[str] = set()
    for path in (page.path for page in registry.pages):
        while path not in listed:  # an old address leads to the page that took its place
            listed.add(path)
            path = moves.get(path, path)
    problems = []
    lines = (root / pl.REGISTRY_NAME).read_text(encoding="utf-8").splitlines()
    pages_line = next((number for number, line in enumerate(lines, 1) if line.startswith("pages:")), 1)
    suffix = f".{default}.md"
    for source in sorted((root / "docs").rglob(f"*{suffix}")):
        name = source.relative_to(root / "docs").as_posix().removesuffix(suffix)
        path = rd.page_path(f"{name}.md")
        if path not in listed:
            problems.append(f"{pl.REGISTRY_NAME}:{pages_line}: /{path} (docs/{name}{suffix} and its translation)"
                            f" is not listed: add '  - path: {path}' under pages, so that make check names any "
                            "link to it that stops working")
    return problems


def dead_problems(root: Path, site: Path) -> list[str]:
    if not (root / pl.REGISTRY_NAME).is_file():
        return []
    try:
        registry, roots = registry_and_roots(root)
    except (yaml.YAMLError, ValueError) as err:  # SourceError is a ValueError
        return unreadable(err)
    return pl.dead_links(pl.published_links(registry, roots), site)
