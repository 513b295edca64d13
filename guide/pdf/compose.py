"""Compose one print document (HTML) from built pages: cover, contents, chapters; or the one-page checklist.
Pure functions over ElementTree: nothing here reads files or renders."""
from __future__ import annotations

import copy
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from urllib.parse import unquote, urljoin, urlsplit

from guide.sources.site_config import Language
from guide.sources.words import words

from .site_pages import Page, has_class, strip_namespaces, text_of

LOCAL = "http://site.invalid/"  # a stand-in origin to resolve a page's relative links


@dataclass(frozen=True)
class DocInfo:
    """What the cover and the metadata say."""
    lang: str
    title: str
    author: str
    description: str
    institution: str
    version_date: str  # YYYY-MM-DD
    online_url: str  # the guide's home page in this language
    qr_svg: str


def element(tag: str, text: str = "", children: list[ET.Element] | None = None, **attrs: str) -> ET.Element:
    made = ET.Element(tag, {k.rstrip("_").replace("_", "-"): v for k, v in attrs.items()})
    made.text = text or None
    made.extend(children or [])
    return made


def remove_all(root: ET.Element, unwanted) -> None:
    """Remove every element for which unwanted(element) is true; the text after it stays where it was."""
    for parent in list(root.iter()):
        for index, gone in reversed(list(enumerate(parent))):  # from the last, so each index still holds
            if unwanted(gone):
                if gone.tail and index:
                    parent[index - 1].tail = (parent[index - 1].tail or "") + gone.tail
                elif gone.tail:
                    parent.text = (parent.text or "") + gone.tail
                parent.remove(gone)


def chapter_key(slug: str) -> str:
    return slug.strip("/").replace("/", "-") or "home"


def printed_address(href: str, text: str) -> str:
    """What to print after a link on paper: the address for web and e-mail links, the number for phone links;
    nothing when the link text already shows it, and nothing for other schemes."""
    parts = urlsplit(href)
    shown = " ".join(text.split()).lower()
    if parts.scheme in {"http", "https"}:
        bare = href.split("://", 1)[1].rstrip("/").lower()
        return "" if shown.rstrip("/") in {bare, href.lower().rstrip("/")} else href
    if parts.scheme == "mailto":
        address = unquote(parts.path)
        return "" if shown == address.lower() else address
    if parts.scheme == "tel":
        return "" if re.search(r"\d", text) else unquote(parts.path)
    return ""


def resolve_link(href: str, page_url: str, language: Language, chapters: set[str], site_root: str) -> str:
    """Where a link of a built page points in the print document: #anchor inside it, or an absolute address."""
    if not href or href.startswith(("mailto:", "tel:")):
        return href
    target = urlsplit(urljoin(page_url, href))
    if f"{target.scheme}://{target.netloc}/" != LOCAL:
        return href
    path = target.path.lstrip("/")
    slug = path.removeprefix(language.folder).removesuffix("index.html") if path.startswith(language.folder) else None
    if slug in chapters:
        key = chapter_key(slug)
        return f"#{key}--{target.fragment}" if target.fragment else f"#chapter-{key}"
    if not site_root:
        return ""  # no public address: a page outside this document cannot be pointed to on paper
    online = urljoin(site_root, path)
    return f"{online}#{target.fragment}" if target.fragment else online


def _unwrap_tabs(article: ET.Element) -> None:
    """Content tabs become consecutive blocks, each under its label: on paper every alternative is printed."""
    for tabbed in [e for e in article.iter("div") if has_class(e, "tabbed-set")]:
        labels = [text_of(label) for c in tabbed if has_class(c, "tabbed-labels") for label in c.iter("label")]
        blocks = [b for c in tabbed if has_class(c, "tabbed-content") for b in c if has_class(b, "tabbed-block")]
        for label, block in zip(labels, blocks):
            title = element("p", label, class_="tabbed-title")
            title.tail, block.text = block.text, None
            block.insert(0, title)


def print_article(page: Page, language: Language, chapters: set[str], site_root: str, *,
                  prefix_ids: bool) -> ET.Element:
    """A copy of a page's article ready for paper: no permalinks or buttons, ids made unique, links resolved."""
    article = copy.deepcopy(page.article)
    _unwrap_tabs(article)
    remove_all(article, lambda e: e.tag in {"script", "form", "nav"} or e.get("type") == "radio" or any(
        has_class(e, name) for name in ("headerlink", "md-content__button", "guide-download", "copy-text",
                                        "screen-only", "tabbed-labels")))
    key = chapter_key(page.slug)
    page_url = urljoin(LOCAL, language.folder + page.slug)
    for e in article.iter():
        if prefix_ids and e.get("id"):
            e.set("id", f"{key}--{e.get('id')}")
        if e.tag == "details":
            e.set("open", "open")
        if e.tag == "input" and e.get("type") == "checkbox":
            e.set("disabled", "disabled")
        if e.tag == "img" and e.get("src"):
            src = urlsplit(urljoin(page_url, e.get("src")))
            if f"{src.scheme}://{src.netloc}/" == LOCAL:
                e.set("src", src.path.lstrip("/"))  # relative to the site root, the document's base URL
            e.attrib.pop("loading", None)
        if e.tag == "a" and (href := e.get("href")) is not None:
            if not prefix_ids and href.startswith("#"):
                continue
            resolved = resolve_link(href, page_url, language, chapters, site_root)
            if not resolved:
                e.attrib.pop("href")
                continue
            e.set("href", resolved)
            # A link around a screenshot (to open it full size) prints nothing: the picture is on the paper.
            wraps_image = not text_of(e) and e.find(".//img") is not None
            e.set("data-print-url", "" if wraps_image else printed_address(resolved, text_of(e)))
    article.tag = "div"
    article.attrib = {"class": "md-typeset"}
    return article


def cover(info: DocInfo) -> ET.Element:
    said = words(info.lang)
    return element("section", class_="cover", children=[
        element("div", class_="cover-band", children=[
            element("p", info.institution, class_="cover-institution"),
            element("h1", info.title, class_="cover-title"),
        ]),
        element("p", info.description, class_="cover-description"),
        element("p", f"{said.pdf_version} {info.version_date}", class_="cover-version"),
        *([element("div", class_="cover-online", children=[
            element("div", class_="qr", children=[strip_namespaces(ET.fromstring(info.qr_svg))]),
            element("p", children=[
                element("span", said.pdf_online, class_="cover-online-label"), element("br"),
                element("a", info.online_url, href=info.online_url, data_print_url=""),
                element("br"), element("span", said.pdf_scan, class_="cover-scan"),
            ]),
        ])] if info.online_url else []),  # without a public address there is nothing to print or scan
    ])


def contents(chapters: list[ET.Element], lang: str) -> ET.Element:
    items = [element("li", class_=f"toc-level-{h.tag[1]}", children=[element("a", text_of(h), href=f"#{h.get('id')}")])
             for chapter in chapters for h in chapter.iter() if h.tag in {"h1", "h2"} and h.get("id")]
    return element("section", class_="contents", children=[
        element("h1", words(lang).pdf_contents, class_="contents-title"), element("ul", children=items)])


def _document(info: DocInfo, kind: str, children: list[ET.Element]) -> str:
    """The print document: the metadata the PDF carries, and the body."""
    named = {"author": info.author, "description": info.description, "dcterms.created": info.version_date}
    head = element("head", children=[element("meta", charset="utf-8"), element("title", info.title),
                                     *(element("meta", name=name, content=value) for name, value in named.items())])
    html = element("html", lang=info.lang, children=[head, element("body", dir="ltr", class_=kind, children=children)])
    return "<!doctype html>\n" + ET.tostring(html, encoding="unicode", method="html")


def guide_document(pages: list[Page], language: Language, info: DocInfo, site_root: str) -> str:
    chapters = {p.slug for p in pages}
    bodies = [print_article(page, language, chapters, site_root, prefix_ids=True) for page in pages]
    sections = [element("section", class_="chapter", id=f"chapter-{chapter_key(page.slug)}", children=[body])
                for page, body in zip(pages, bodies)]
    return _document(info, "guide", [cover(info), contents(bodies, info.lang), *sections])


def checklist_document(page: Page, language: Language, info: DocInfo, site_root: str) -> str:
    body = print_article(page, language, set(), site_root, prefix_ids=False)
    qr = [f for f in body.iter("figure") if has_class(f, "checklist-qr")]
    if info.online_url:  # on paper the QR code's caption also gives the address, for readers who type it
        for caption in (c for f in qr for c in f.iter("figcaption")):
            caption.extend([element("br"), element("a", info.online_url, href=info.online_url, data_print_url="")])
    else:  # no public address: the QR figure has nothing to show, nor the heading above it
        qr += [p[i - 1] for p in body.iter() for i, c in enumerate(p) if c in qr and i and p[i - 1].tag in {"h2", "h3"}]
        remove_all(body, lambda e: e in qr)
    return _document(info, "checklist", [body])
