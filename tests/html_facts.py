"""Read what a built page offers: its language, links, alternates, headings and resources (stdlib parser only)."""
from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

LOADED_LINKS = {"stylesheet", "icon", "preload", "modulepreload", "manifest", "preconnect", "dns-prefetch"}


@dataclass
class PageFacts(HTMLParser):
    lang: str = ""
    heading_ids: list[tuple[str, str]] = field(default_factory=list)  # (tag, id) of h1-h6 in the article
    hrefs: list[str] = field(default_factory=list)
    alternates: dict[str, str] = field(default_factory=dict)  # hreflang -> href
    resources: list[str] = field(default_factory=list)  # what the page loads: scripts, stylesheets, images, icons
    in_article: int = 0

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.lang = a.get("lang", "")
        if tag == "article":
            self.in_article += 1
        if self.in_article and tag in {"h1", "h2", "h3", "h4", "h5", "h6"} and "id" in a:
            self.heading_ids.append((tag, a["id"]))
        if tag == "a" and "href" in a:
            self.hrefs.append(a["href"])
        if tag == "link" and a.get("rel") == "alternate" and "hreflang" in a:
            self.alternates[a["hreflang"]] = a.get("href", "")
        elif tag == "link" and a.get("rel", "") in LOADED_LINKS:
            self.resources.append(a.get("href", ""))
        if tag in {"script", "img", "iframe", "source", "audio", "video", "embed"} and a.get("src"):
            self.resources.append(a["src"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "article" and self.in_article:
            self.in_article -= 1


def read_page(path: Path) -> PageFacts:
    facts = PageFacts()
    facts.feed(path.read_text(encoding="utf-8"))
    return facts
