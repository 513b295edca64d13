"""The built site's pages as the PDFs read them: each language's pages in nav order, their article and metadata."""
from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import tinyhtml5

from guide.sources.site_config import Language

# The checklist is its own one-page PDF, not a chapter of the guide. Its first address: after a rename, the redirect
# page that redirects.yml leaves there leads to it (current_slug).
CHECKLIST = "checklist/"
REFRESH = re.compile(r'<meta http-equiv="refresh" content="0; url=(?P<url>[^"#]*)')


@dataclass
class Page:
    slug: str  # relative to the language root: "" for the home page, "register/" ...
    lang: str
    title: str  # the page's H1 text
    canonical: str  # absolute online address (from site_url)
    author: str
    description: str
    copyright: str
    article: ET.Element  # the page body (Material's article), namespaces stripped


def strip_namespaces(root: ET.Element) -> ET.Element:
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.startswith("{"):
            element.tag = element.tag.split("}", 1)[1]
        for key in [k for k in element.attrib if k.startswith("{")]:
            element.attrib[key.split("}", 1)[1]] = element.attrib.pop(key)
    return root


def parse_html(path: Path) -> ET.Element:
    return strip_namespaces(tinyhtml5.parse(path.read_bytes()))


def has_class(element: ET.Element, name: str) -> bool:
    return name in (element.get("class") or "").split()


def text_of(element: ET.Element | None) -> str:
    return " ".join("".join(element.itertext()).split()) if element is not None else ""


def nav_slugs(home: ET.Element) -> list[str]:
    """The pages of the primary navigation, in nav order, as slugs relative to the language root."""
    nav = next((n for n in home.iter("nav") if has_class(n, "md-nav--primary")), None)
    if nav is None:
        raise ValueError("no primary navigation found: is this a page built by Material for MkDocs?")
    hrefs = [link.get("href") or "" for link in nav.iter("a") if has_class(link, "md-nav__link")]
    return list(dict.fromkeys(urlsplit(urljoin("http://site/", href)).path.lstrip("/") for href in hrefs
                              if not href.startswith("#")))


def page_path(site: Path, language: Language, slug: str) -> Path:
    return site / language.folder / slug / "index.html"


def read_page(site: Path, language: Language, slug: str) -> Page:
    root = parse_html(page_path(site, language, slug))
    metas = {m.get("name"): m.get("content") or "" for m in root.iter("meta") if m.get("name")}
    canonical = next((link.get("href") or "" for link in root.iter("link") if link.get("rel") == "canonical"), "")
    article = next((a for a in root.iter("article") if has_class(a, "md-content__inner")), None)
    if article is None:
        raise ValueError(f"{page_path(site, language, slug)}: no article (Material's md-content__inner)")
    h1 = next(article.iter("h1"), None)
    copyright_ = next((d for d in root.iter("div") if has_class(d, "md-copyright__highlight")), None)
    return Page(
        slug=slug, lang=root.get("lang") or language.code, title=text_of(h1).rstrip("¶").strip(),
        canonical=canonical, author=metas.get("author", ""), description=metas.get("description", ""),
        copyright=text_of(copyright_), article=article,
    )


def current_slug(site: Path, language: Language, slug: str) -> str:
    """Where a page lives now: its address, or where the redirect pages of renames lead from it (a few hops)."""
    for _hop in range(5):
        path = page_path(site, language, slug)
        moved = REFRESH.search(path.read_text(encoding="utf-8")) if path.is_file() else None
        if moved is None:
            return slug
        slug = posixpath.normpath(posixpath.join(slug, moved["url"])).removeprefix("./") + "/"
    return slug


def guide_pages(site: Path, language: Language) -> list[Page]:
    """Every chapter of the guide in one language, in nav order (the checklist has a PDF of its own)."""
    home = parse_html(page_path(site, language, ""))
    checklist = current_slug(site, language, CHECKLIST)
    return [read_page(site, language, slug) for slug in nav_slugs(home) if slug != checklist]
