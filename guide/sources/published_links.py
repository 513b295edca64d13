"""published-links.yml, whose paths are relative to a language's root (one entry, every language), and its check."""
from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import yaml

from guide.sources.errors import SourceError

# Read from the working folder, the project a command works on (make runs every command in the project; tests
# run them in a project of their own), as MkDocs reads mkdocs.yml.
REGISTRY = Path("published-links.yml")
# A redirect chain longer than this is a loop or a mistake, not a moved page.
MAX_REDIRECTS = 5
REGISTRY_NAME = REGISTRY.name
LINE = "__line__"  # the key under which the registry's loader keeps each entry's line


@dataclass(frozen=True)
class Page:
    path: str  # "" or "register/": a page in every language
    anchors: tuple[str, ...]
    where: str  # the registry's file and the line of this entry, for messages


@dataclass(frozen=True)
class LangFile:
    paths: Mapping[str, str]  # language -> path relative to site_url (files do not live under a language root)
    labels: Mapping[str, str]


@dataclass(frozen=True)
class Step:
    link: str  # "register/#open-the-form": a page and anchor listed under pages
    labels: Mapping[str, str]


@dataclass(frozen=True)
class Registry:
    pages: tuple[Page, ...]
    files: tuple[LangFile, ...]
    steps: tuple[Step, ...]


@dataclass(frozen=True)
class Link:
    lang: str
    path: str  # relative to site_url, may end in "#anchor"
    where: str  # the registry entry that lists it ("published-links.yml:17")
    page: str  # the docs page that serves it, without its language ("register" for docs/register.*.md)


def _labels(raw: Mapping[str, Any], where: str, languages: list[str]) -> dict[str, str]:
    missing = [lang for lang in languages if not isinstance(raw.get(lang), str) or not raw[lang].strip()]
    if missing:
        raise SourceError(f"{where}: needs a text for {', '.join(missing)}")
    return {lang: raw[lang] for lang in languages}


def parse_registry(data: Any, languages: list[str]) -> Registry:
    if not isinstance(data, dict):
        raise SourceError("published-links.yml: expected pages, files and steps")
    pages = []
    for number, raw in enumerate(data.get("pages") or [], 1):
        path = raw.get("path") if isinstance(raw, dict) else None
        if not isinstance(path, str) or (path and not path.endswith("/")) or path.startswith("/"):
            raise SourceError(f"pages #{number}: path must be '' or end in '/' (got {path!r})")
        where = f"{REGISTRY_NAME}:{raw[LINE]}" if LINE in raw else REGISTRY_NAME
        pages.append(Page(path, tuple(raw.get("anchors") or ()), where))
    files = []
    for number, raw in enumerate(data.get("files") or [], 1):
        name = raw.get("name", f"files #{number}")
        paths = _labels(raw.get("paths") or {}, f"files {name}: paths", languages)
        files.append(LangFile(paths, _labels(raw.get("labels") or {}, f"files {name}: labels", languages)))
    known = {p.path for p in pages} | {f"{p.path}#{a}" for p in pages for a in p.anchors}
    steps = []
    for number, raw in enumerate(data.get("steps") or [], 1):
        link = raw.get("link")
        if link not in known:
            raise SourceError(f"steps #{number}: link {link!r} is not a page or anchor listed under pages")
        steps.append(Step(link, _labels(raw, f"steps #{number} ({link})", languages)))
    return Registry(tuple(pages), tuple(files), tuple(steps))


class _LineLoader(yaml.SafeLoader):
    """Records the line of each mapping, so that a problem names the registry entry's line."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        mapping = super().construct_mapping(node, deep=deep)
        mapping[LINE] = node.start_mark.line + 1
        return mapping


def load_registry(path: Path, languages: list[str]) -> Registry:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)
    except (OSError, yaml.YAMLError) as err:
        raise SourceError(f"{path.name}: cannot read: {err}") from None
    return parse_registry(data, languages)


def published_links(registry: Registry, roots: Mapping[str, str]) -> list[Link]:
    """Every page address the registry stands for, in every language (its PDFs are the e-mail kit's to check)."""
    links = []
    for lang, root in roots.items():
        for page in registry.pages:
            served_by = page.path.rstrip("/") or "index"
            links.append(Link(lang, root + page.path, page.where, served_by))
            links += [Link(lang, f"{root}{page.path}#{anchor}", page.where, served_by) for anchor in page.anchors]
    return links


class _PageFacts(HTMLParser):
    """The ids in a page, and where it redirects to (a meta refresh), if it does."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.refresh: str | None = None
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"])
        if tag == "meta" and (values.get("http-equiv") or "").lower() == "refresh":
            match = re.search(r"url=(.+)$", values.get("content") or "", re.IGNORECASE)
            self.refresh = match.group(1).strip() if match else None


def check_link(site_dir: Path, link: str) -> str | None:
    """None when the path (and #anchor) exists in the built site, else why not. Follows our redirect pages."""
    path, _, anchor = link.partition("#")
    for _hop in range(MAX_REDIRECTS):
        # A folder serves its index.html.
        target = site_dir / path / "index.html" if path == "" or path.endswith("/") else site_dir / path
        if not target.is_file():
            return f"no file {target.relative_to(site_dir).as_posix()} in the built site"
        if not target.name.endswith(".html"):
            return f"#{anchor}: a file has no anchors" if anchor else None
        facts = _PageFacts(target.read_text(encoding="utf-8"))
        if facts.refresh is None:
            if anchor and anchor not in facts.ids:
                return f"no id '{anchor}' in {target.relative_to(site_dir).as_posix()}"
            return None
        new_path, _, new_anchor = facts.refresh.partition("#")
        path = posixpath.normpath(posixpath.join(posixpath.dirname(target.relative_to(site_dir).as_posix()), new_path))
        path = "" if path == "." else path + ("/" if new_path.endswith("/") or new_path in ("", ".", "..") else "")
        anchor = anchor or new_anchor
    return f"more than {MAX_REDIRECTS} redirects"


def dead_links(links: list[Link], site_dir: Path) -> list[str]:
    """One line per published link that is missing from the built site."""
    problems = []
    for link in links:
        why = check_link(site_dir, link.path)
        if not why:
            continue
        source = f"docs/{link.page}.{link.lang}.md"
        fix = (f"add the heading id back to {source}, or a redirect to redirects.yml" if "#" in link.path
               and not why.startswith("no file") else
               f"restore {source}, or add `{link.path.split('#')[0].removeprefix(link.lang + '/')}: NEW-PAGE.md`"
               " to redirects.yml")
        problems.append(f"{link.where}: [{link.lang}] /{link.path}: {why} (an address sent in e-mails, served by "
                        f"{source}: {fix})")
    return problems
