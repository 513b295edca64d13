"""Read what a built page offers: its language, links, alternates and resources (stdlib parser only)."""
from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

LOADED_LINKS = {"stylesheet", "icon", "preload", "modulepreload", "manifest", "preconnect", "dns-prefetch"}


class PageFacts(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.lang = ""
        self.hrefs: list[str] = []
        self.alternates: dict[str, str] = {}  # hreflang -> href
        self.resources: list[str] = []  # what the page loads: scripts, stylesheets, images, icons

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.lang = a.get("lang", "")
        if tag == "a" and "href" in a:
            self.hrefs.append(a["href"])
        if tag == "link" and a.get("rel") == "alternate" and "hreflang" in a:
            self.alternates[a["hreflang"]] = a.get("href", "")
        elif tag == "link" and a.get("rel", "") in LOADED_LINKS:
            self.resources.append(a.get("href", ""))
        if tag in {"script", "img", "iframe", "source", "audio", "video", "embed"} and a.get("src"):
            self.resources.append(a["src"])


def read_page(path: Path) -> PageFacts:
    facts = PageFacts()
    facts.feed(path.read_text(encoding="utf-8"))
    return facts
