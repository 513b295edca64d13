"""Every page of a built site as a phone shows it (Debian's Chromium at 360 x 740, pictures loaded at their real
height, nothing loaded but the site): a student reads on a phone, so a page is at most PAGE_SCREENS screens tall and
never wider than the screen (a long address or a wide table makes the reader scroll sideways).
"""
from __future__ import annotations

import functools
import re
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from guide.checks.content import QUESTIONS, front_matter
from guide.outputs.redirects import page_path
from guide.sources.words import words

CHROMIUM = "/usr/bin/chromium"  # Debian's; never a downloaded browser
# Without the background-networking flags Chromium tries to reach Google's hosts at start.
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run", "--disable-quic"]
PHONE = {"width": 360, "height": 740}
PAGE_SCREENS = 4  # how many screens of PHONE a page may be tall
# A page of separate questions (front matter `budget: questions`, such as "If something goes wrong") is not read top
# to bottom: a student arrives at one question from search or a link. So each question is short, and the page may
# hold more of them, the office adding a question without cutting the others.
QUESTION_SCREENS = 0.5  # how tall one question (a ## section, its answer included) may be
QUESTIONS_PAGE_SCREENS = 8
QUESTION = re.compile(r"^## .*\{#([\w-]+)\}\s*$")  # a question's heading and its id
# What makes a page too wide: the innermost elements of the article that reach past the screen's right edge, or
# whose text runs past their own box (a long address that cannot break), outside boxes that scroll themselves.
TOO_WIDE = """limit => {
  const wide = [...document.querySelectorAll('article *')].filter(e =>
    !e.closest('pre, .md-typeset__scrollwrap')
    && (e.getBoundingClientRect().right > limit + 0.5 || e.scrollWidth > e.clientWidth + 1));
  return wide.filter(e => !wide.some(other => other !== e && e.contains(other))).slice(0, 3)
    .map(e => (e.tagName.toLowerCase() + ' ' + (e.textContent || '').trim().slice(0, 40)).trim());
}"""
# Each ## section with an id and its height in CSS pixels, to the next one or to the article's end.
SECTIONS = """() => { const heads = [...document.querySelectorAll('article h2[id]')];
  const end = document.querySelector('article').getBoundingClientRect().bottom;
  return heads.map((head, i) => [head.id, Math.round(
    (i + 1 < heads.length ? heads[i + 1].getBoundingClientRect().top : end) - head.getBoundingClientRect().top)]); }"""
LOAD_PICTURES = """async () => { for (const img of document.images) { img.loading = "eager";
  if (!img.complete) await new Promise(done => { img.onload = img.onerror = done; }); } }"""


class BrowserUnavailable(Exception):
    """Chromium or Playwright cannot start: the message says what to do."""


@dataclass(frozen=True)
class Page:
    source: str  # "docs/locked-out.en.md"
    lang: str
    path: str  # its address relative to the site root: "en/locked-out/"
    questions: bool = False  # a page of separate questions: measured a question at a time
    question_lines: tuple[tuple[str, int], ...] = ()  # each question's id and the line of its ## heading


@dataclass(frozen=True)
class Measured:
    page: Page
    height: int  # CSS pixels
    width: int
    too_wide: tuple[str, ...]  # the elements past the right edge, when the page is wider than the screen
    sections: tuple[tuple[str, int], ...] = ()  # each ## section's id and height, on a page of questions


def pages(root: Path, roots: dict[str, str]) -> list[Page]:
    """Every page of docs/ in every language (docs/NAME.LANG.md), with its address in the built site."""
    found = []
    for lang, prefix in roots.items():
        for source in sorted((root / "docs").rglob(f"*.{lang}.md")):
            name = source.relative_to(root / "docs").as_posix().removesuffix(f".{lang}.md")
            text = source.read_text(encoding="utf-8")
            questions = front_matter(text).get("budget") == QUESTIONS
            lines = tuple((m[1], n) for n, line in enumerate(text.splitlines(), 1) if (m := QUESTION.match(line)))
            found.append(Page(source.relative_to(root).as_posix(), lang, prefix + page_path(f"{name}.md"), questions,
                              lines if questions else ()))
    return found


@contextmanager
def phone(site: Path) -> Iterator[tuple[str, Callable[[str], object]]]:
    """The site served on 127.0.0.1 (its address), and a phone-wide Chromium tab per language that loads nothing else."""
    try:
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise BrowserUnavailable("Playwright is missing: run `make check` (it sets up what it needs)") from None
    if not Path(CHROMIUM).exists():
        raise BrowserUnavailable(f"{CHROMIUM} is missing: run `make check` (it sets up Debian's chromium)")
    quiet = type("Quiet", (SimpleHTTPRequestHandler,), {"log_message": lambda *args: None})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(quiet, directory=str(site)))
    # Chromium drops connections it no longer needs (a broken pipe): nothing for the reader of make check.
    server.handle_error = lambda request, client_address: None
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as playwright:
            try:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            except PlaywrightError as err:
                raise BrowserUnavailable(f"cannot start {CHROMIUM}: {str(err).splitlines()[0]}") from None
            tabs = {}

            def tab(lang: str) -> object:
                if lang not in tabs:
                    context = browser.new_context(viewport=PHONE, locale=words(lang).browser_locale)
                    context.set_default_timeout(30_000)
                    context.route("**/*", lambda route: route.continue_()
                                  if urlsplit(route.request.url).hostname == "127.0.0.1" else route.abort())
                    tabs[lang] = context.new_page()
                return tabs[lang]

            try:
                yield f"http://127.0.0.1:{server.server_address[1]}/", tab
            finally:
                browser.close()
    finally:
        server.shutdown()
        server.server_close()


def measure(site: Path, wanted: list[Page]) -> list[Measured]:
    """The height and width of each page of the built site at 360 px wide."""
    found: list[Measured] = []
    with phone(site) as (base, tab_for):
        for page in wanted:
            tab = tab_for(page.lang)
            tab.goto(base + page.path, wait_until="load")
            tab.evaluate(LOAD_PICTURES)
            height, width = tab.evaluate("[document.documentElement.scrollHeight, "
                                         "document.documentElement.scrollWidth]")
            wide = tuple(tab.evaluate(TOO_WIDE, PHONE["width"])) if width > PHONE["width"] else ()
            sections = tuple(map(tuple, tab.evaluate(SECTIONS))) if page.questions else ()
            found.append(Measured(page, int(height), int(width), wide, sections))
    return found


def width_problems(measured: list[Measured]) -> list[str]:
    return [f"{m.page.source}: {m.width} px wide on a {PHONE['width']} px phone, so the reader scrolls sideways: "
            f"shorten or break what is too wide ({'; '.join(m.too_wide) or 'the page itself'})"
            for m in measured if m.width > PHONE["width"]]


def height_problems(measured: list[Measured]) -> list[str]:
    screen = PHONE["height"]
    problems = []
    for m in measured:
        limit = QUESTIONS_PAGE_SCREENS if m.page.questions else PAGE_SCREENS
        if m.height / screen > limit:
            problems.append(
                f"{m.page.source}: {m.height / screen:.2f} phone screens tall at 360 px wide ({m.height} px; a screen is "
                f"{screen} px), over the {limit} a page{' of questions' if m.page.questions else ''} may be: cut what "
                "the task does not need, or move what is not a step to another page")
        lines = dict(m.page.question_lines)
        problems += [f"{m.page.source}:{lines.get(anchor, 1)}: the question #{anchor} is {height / screen:.2f} phone screens tall ({height} "
                     f"px), over the {QUESTION_SCREENS} a question may be: answer in one or two short sentences, and "
                     "link to the page with the steps instead of repeating them"
                     for anchor, height in m.sections if height > QUESTION_SCREENS * screen]
    return problems
