"""Read what a built page offers: its language, ids, links, alternates and visible text (stdlib parser only)."""
from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

SKIP_TEXT = {"script", "style"}


@dataclass
class PageFacts:
    lang: str = ""
    ids: list[str] = field(default_factory=list)
    heading_ids: list[tuple[str, str]] = field(default_factory=list)  # (tag, id) of h1-h6 in the article
    hrefs: list[str] = field(default_factory=list)
    alternates: dict[str, str] = field(default_factory=dict)  # hreflang -> href
    resources: list[str] = field(default_factory=list)  # what the page loads: scripts, stylesheets, images, icons
    text: str = ""


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.facts = PageFacts()
        self._skip = 0
        self._chunks: list[str] = []
        self._in_article = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.facts.lang = a.get("lang", "")
        if "id" in a:
            self.facts.ids.append(a["id"])
        if tag == "article":
            self._in_article += 1
        if self._in_article and tag in {"h1", "h2", "h3", "h4", "h5", "h6"} and "id" in a:
            self.facts.heading_ids.append((tag, a["id"]))
        if tag == "a" and "href" in a:
            self.facts.hrefs.append(a["href"])
        if tag == "link":
            rel = a.get("rel", "")
            if rel == "alternate" and "hreflang" in a:
                self.facts.alternates[a["hreflang"]] = a.get("href", "")
            elif rel in {"stylesheet", "icon", "preload", "modulepreload", "manifest", "preconnect", "dns-prefetch"}:
                self.facts.resources.append(a.get("href", ""))
        if tag in {"script", "img", "iframe", "source", "audio", "video", "embed"} and a.get("src"):
            self.facts.resources.append(a["src"])
        if tag in SKIP_TEXT:
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIP_TEXT and self._skip:
            self._skip -= 1
        if tag == "article" and self._in_article:
            self._in_article -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self._chunks.append(data)


def read_page(path: Path) -> PageFacts:
    parser = _Parser()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.facts.text = " ".join(" ".join(parser._chunks).split())
    return parser.facts
