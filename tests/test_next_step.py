"""One "next" per page: Material's footer link (it follows the nav order) and the page's own "Next:" line never
disagree. Pages are read from mkdocs.yml's nav and the languages from its i18n plugin; checked on the built HTML."""
from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "next-step"
from guide.checks.parity.project import _AnyTagLoader, read_config

# How a page's own next step starts, per language (the writing convention of the pages, DESIGN.md).
NEXT_WORDS = {"en": "Next:", "zh": "下一步："}


class _NextLinks(HTMLParser):
    """The footer's next link, and the links of the paragraph that starts with the page's "Next:" words."""

    def __init__(self, next_words: str) -> None:
        super().__init__(convert_charrefs=True)
        self.next_words = next_words
        self.footer_next: str | None = None
        self.own_next: list[str] = []
        self.has_own_next = False
        self._paragraph: list[str] | None = None
        self._hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "a" and "md-footer__link--next" in a.get("class", "").split():
            self.footer_next = a.get("href")
        if tag == "p":
            self._paragraph, self._hrefs = [], []
        elif tag == "a" and self._paragraph is not None and "href" in a:
            self._hrefs.append(a["href"])

    def handle_data(self, data: str) -> None:
        if self._paragraph is not None:
            self._paragraph.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "p" and self._paragraph is not None:
            if "".join(self._paragraph).strip().startswith(self.next_words):
                self.has_own_next = True
                self.own_next += self._hrefs
            self._paragraph = None


def page_of(href: str, page_url: str) -> str:
    """The page an address leads to, without its #section."""
    return urlsplit(urljoin(page_url, href)).path


def next_problems(html: str, page_url: str, next_words: str) -> list[str]:
    """What disagrees on one built page: a footer "Next" that is not the page where its own "Next:" line leads."""
    parser = _NextLinks(next_words)
    parser.feed(html)
    if parser.footer_next is None or not parser.has_own_next:
        return []  # only one of the two: nothing to disagree
    footer = page_of(parser.footer_next, page_url)
    own = sorted({page_of(h, page_url) for h in parser.own_next})
    if footer in own:
        return []
    return [(f"{page_url}: the footer says Next is {footer}, the page's own '{next_words}' line leads to "
             f"{', '.join(own) or 'no page'}: make them agree (reorder the nav in mkdocs.yml, or change the line)")]


def nav_pages() -> list[str]:
    """The page addresses in mkdocs.yml's nav order, relative to a language root ('' for index.md)."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_AnyTagLoader)

    def walk(items: list) -> list[str]:
        files: list[str] = []
        for item in items:
            value = next(iter(item.values())) if isinstance(item, dict) else item
            files += walk(value) if isinstance(value, list) else [value]
        return files

    return ["" if f == "index.md" else f.removesuffix(".md") + "/" for f in walk(config["nav"])]


def test_a_footer_that_contradicts_the_page_is_named() -> None:
    html = (DATA / "disagree.html").read_text(encoding="utf-8")
    assert next_problems(html, "/en/register/", "Next:") == [
        ("/en/register/: the footer says Next is /en/no-mainland-phone/, the page's own 'Next:' line leads to "
         "/en/verify-identity/: make them agree (reorder the nav in mkdocs.yml, or change the line)")]


def test_a_footer_that_agrees_with_the_page_passes() -> None:
    assert next_problems((DATA / "agree.html").read_text(encoding="utf-8"), "/register/", "下一步：") == []


def test_the_nav_is_read_from_mkdocs_yml() -> None:
    pages = nav_pages()
    assert pages[0] == "" and len(pages) == len(set(pages)) == len(list((ROOT / "docs").glob("*.zh.md")))


@pytest.mark.parametrize("locale", [lang.locale for lang in read_config((ROOT / "mkdocs.yml").read_text(encoding="utf-8")).languages])
def test_every_built_page_has_one_next(built_site: Path, locale: str) -> None:
    config = read_config((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    prefix = "" if locale == config.default.locale else f"{locale}/"
    problems, with_own_next = [], 0
    for path in nav_pages():
        html = (built_site / prefix / path / "index.html").read_text(encoding="utf-8")
        problems += next_problems(html, f"/{prefix}{path}", NEXT_WORDS[locale])
        parser = _NextLinks(NEXT_WORDS[locale])
        parser.feed(html)
        with_own_next += parser.has_own_next
        for href in parser.own_next:
            target = page_of(href, f"/{prefix}{path}")
            assert (built_site / target.lstrip("/") / "index.html").is_file(), f"/{prefix}{path}: Next leads to {target}, which is not built"
    assert with_own_next > 0, f"no {locale} page has a '{NEXT_WORDS[locale]}' line: the check would read nothing"
    assert problems == []
