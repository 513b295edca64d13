"""The offline check: internal links and #fragments in the built site; undefined references in Markdown sources."""
from __future__ import annotations

import os
import posixpath
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from guide.sources import facts as facts_module
from guide.sources import site_config

from . import mdsource
from .model import BROKEN, OK, Link, Result, Source

NOT_LINKS = ("javascript:", "data:", "about:", "blob:")
# Attributes that point somewhere a reader (or the browser, for the page to work) will go.
LINK_ATTRS = {("a", "href"), ("link", "href"), ("img", "src"), ("script", "src"), ("source", "src"),
              ("iframe", "src"), ("video", "src"), ("audio", "src"), ("area", "href")}


def display(path: Path) -> str:
    """A path as the report shows it: relative to the working directory when it is inside it."""
    rel = os.path.relpath(path)
    return path.as_posix() if rel.startswith("..") else Path(rel).as_posix()


def external(target: str) -> str | None:
    """The address of a link to another site (`//host/x` as https), or None for a link inside this one."""
    if target.startswith("//"):
        return "https:" + target
    return target if mdsource.SCHEME.match(target) else None


@dataclass
class Findings:
    """Verdicts on internal targets, and the external links met on the way."""

    internal: dict[str, Result] = field(default_factory=dict)
    external: list[Link] = field(default_factory=list)

    def add(self, key: str, source: Source, verdict: str, detail: str = "") -> None:
        result = self.internal.setdefault(key, Result(key, verdict, detail=detail))  # the first verdict on a target
        if source not in result.sources:
            result.sources.append(source)


# --- built site ------------------------------------------------------------------------------------------------------

class HtmlPage(HTMLParser):
    """A built page's links, ids and canonical address."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.canonical: str | None = None
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v for k, v in attrs if v is not None}
        self.ids.update(v for k, v in values.items() if k == "id" or tag == "a" and k == "name")
        if tag == "link" and "canonical" in values.get("rel", "").split():
            self.canonical = values.get("href")
        self.links += [v.strip() for k, v in values.items() if (tag, k) in LINK_ATTRS and v.strip()]

    handle_startendtag = handle_starttag


def check_site(root: Path) -> Findings:
    found = Findings()
    pages = {p.relative_to(root).as_posix(): HtmlPage(p.read_text(encoding="utf-8", errors="replace"))
             for p in sorted(root.rglob("*.html"))}
    home = pages.get("index.html")  # its canonical link is the absolute address the site was built for
    base = home.canonical if home and home.canonical and "://" in home.canonical else None
    # The 404 pages, served at any address, link from the server's root: /chsi-guide/register/ for a sub-path build.
    base_path = urlsplit(base).path if base else "/"
    for rel, page in pages.items():
        here = re.sub(r"/index\.html$", "/", "/" + rel)  # the URL path it is served at: /en/register/
        source = Source(display(root / rel))
        for target in page.links:
            if target.startswith(NOT_LINKS) or target == "#":
                continue
            if base and target.startswith(base):
                target = "/" + target[len(base):]
            elif base_path != "/" and target.startswith(base_path):
                target = "/" + target[len(base_path):]
            elif address := external(target):
                found.external.append(Link(address, source))
                continue
            parts = urlsplit(urljoin(here, target))
            path, fragment = posixpath.normpath(parts.path) + ("/" if parts.path.endswith("/") else ""), parts.fragment
            path = path.replace("//", "/")
            key = path + (f"#{fragment}" if fragment else "")
            file = root / unquote(path).lstrip("/")
            if path.endswith("/") or file == root or file.is_dir():
                file = file / "index.html"
            target_page = pages.get(file.relative_to(root).as_posix())  # None: not a built page
            if not file.is_file():
                found.add(key, source, BROKEN, f"no file for {path} in {display(root)}")
            elif fragment and target_page and unquote(fragment) not in target_page.ids:
                found.add(key, source, BROKEN, f"no id {unquote(fragment)!r} in {display(file)}")
            else:
                found.add(key, source, OK)
    return found


# --- Markdown sources ------------------------------------------------------------------------------------------------

def check_markdown(files: list[Path], project: Path | None = None) -> Findings:
    """Each [text][name] without a definition, and the remote addresses, with their file:line; in a project whose
    includes/facts.yml names its addresses, the pages read as the build gives them to Markdown. Links between pages
    and to headings are the build's to refuse, with their file:line (mkdocs.yml `validation:`)."""
    found = Findings()
    texts = {f: f.read_text(encoding="utf-8") for f in files}
    defs: dict[str, str] = {}
    if project is not None and (project / facts_module.FACTS_FILE).is_file():
        facts, language_of = facts_module.load_facts(project), site_config.read(project).language_of
        defs = facts.references()
        texts = {f: facts_module.expand(text, facts, language_of(f.name), str(f))[0] for f, text in texts.items()}
    for text in texts.values():
        for name, url in mdsource.definitions(text).items():
            defs.setdefault(name, url)
    for f, text in texts.items():
        links, undefined = mdsource.extract(text, display(f), defs)
        for link in undefined:
            found.add(link.url, link.source, BROKEN, f"no reference definition named {link.url}")
        found.external += [Link(address, link.source) for link in links
                           if not link.url.strip().startswith(NOT_LINKS) and (address := external(link.url.strip()))]
    return found

