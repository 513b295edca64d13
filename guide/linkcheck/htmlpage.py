"""Links and ids of a built HTML page."""
from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

# Attributes that point somewhere a reader (or the browser, for the page to work) will go.
_LINK_ATTRS = {("a", "href"), ("link", "href"), ("img", "src"), ("script", "src"), ("source", "src"),
               ("iframe", "src"), ("video", "src"), ("audio", "src"), ("area", "href")}


@dataclass
class HtmlPage:
    links: list[tuple[str, int]] = field(default_factory=list)   # (target, line)
    ids: set[str] = field(default_factory=set)
    canonical: str | None = None


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = HtmlPage()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v for k, v in attrs if v is not None}
        if "id" in values:
            self.page.ids.add(values["id"])
        if tag == "a" and "name" in values:
            self.page.ids.add(values["name"])
        if tag == "link" and "canonical" in values.get("rel", "").split():
            self.page.canonical = values.get("href")
        for name, value in values.items():
            if (tag, name) in _LINK_ATTRS and value.strip():
                self.page.links.append((value.strip(), self.getpos()[0]))

    handle_startendtag = handle_starttag


def parse_html(text: str) -> HtmlPage:
    parser = _Parser()
    parser.feed(text)
    parser.close()
    return parser.page
