"""The office's queries typed into the built site's own search in Chromium, as a student types them: the answering
section must come first for at least RIGHT_FIRST of them; below that each miss is a problem, above it a note. A result
of the other language is always a problem.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from guide.checks import phone_pages
from guide.checks.search_queries import QUERIES_FILE, Query, current_page, read_queries, renames

RIGHT_FIRST = 0.95
# Done when the results list or Material's "nothing found" line answers the query in the box.
ANSWERED = """query => {
  const box = document.querySelector('input.md-search__input');
  const meta = document.querySelector('.md-search-result__meta');
  if (!box || box.value !== query || !meta) return false;
  const words = JSON.parse(document.getElementById('__config').textContent).translations;
  const none = words['search.result.none'], placeholder = words['search.result.placeholder'];
  const text = meta.textContent.trim();
  return text !== placeholder && text !== '' && (text === none || meta.hasAttribute('data-guide-none')
    || document.querySelector('.md-search-result__item a') !== null) && meta.dataset.guideQuery === query;
}"""
TYPE = """query => {
  const box = document.querySelector('input.md-search__input');
  const meta = document.querySelector('.md-search-result__meta');
  if (!window.__guideWatch) {  // remember which query the list shows: Material rewrites it for each query
    window.__guideWatch = new MutationObserver(() => {
      meta.dataset.guideQuery = document.querySelector('input.md-search__input').value; });
    window.__guideWatch.observe(document.querySelector('.md-search-result'), {childList: true, subtree: true,
                                                                              characterData: true});
  }
  box.value = '';  // an empty box first: the same query twice is searched again
  box.dispatchEvent(new Event('input', {bubbles: true}));
  delete meta.dataset.guideQuery;
  box.value = query;  // a text box drops line ends: the value is what the search sees
  box.dispatchEvent(new Event('input', {bubbles: true}));
  return box.value;
}"""
RESULT_LINKS = ("items => items.map(i => [...i.querySelectorAll('a')].map(a => a.getAttribute('href')))")


@dataclass(frozen=True)
class Ranked:
    query: Query
    first: str  # what came first: "troubleshooting/#no-sms-code", "" when nothing was found
    right: bool
    crossed: tuple[str, ...]  # results of the other language


def expected_path(query: Query, roots: dict[str, str], moves: dict) -> str:
    name = current_page(query.page, moves)
    return roots.get(query.lang, "") + ("" if name == "index" else f"{name}/")


def ask(tab, text: str) -> list[list[str]]:
    """The links of each result the open search lists for `text` (none when it answers nothing in 30 s)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    typed = tab.evaluate(TYPE, text)
    try:
        tab.wait_for_function(ANSWERED, arg=typed)
    except PlaywrightTimeout:
        return []
    return [[urljoin(tab.url, href) for href in item]
            for item in tab.locator(".md-search-result__item").evaluate_all(RESULT_LINKS) if item]


def rank(site: Path, queries: list[Query], roots: dict[str, str], moves: dict) -> list[Ranked]:
    """Type each query into the search of its language's home page in Chromium; what came first."""
    ranked: list[Ranked] = []
    with phone_pages.phone(site) as (base, tab_for):
        opened: set[str] = set()

        def open_search(tab, lang: str) -> None:
            tab.goto(base + roots.get(lang, ""), wait_until="load")
            tab.locator("label[for='__search']").first.click()

        for query in queries:
            tab = tab_for(query.lang)
            if query.lang not in opened:
                open_search(tab, query.lang)
                opened.add(query.lang)
            links = ask(tab, query.text)
            if not links:  # nothing: asked again on a freshly loaded page, as a student would meet it
                open_search(tab, query.lang)
                links = ask(tab, query.text)
            ranked.append(judge(query, links, base, roots, moves))
    return ranked


def judge(query: Query, links: list[list[str]], base: str, roots: dict[str, str], moves: dict) -> Ranked:
    def where(url: str) -> tuple[str, str]:
        parts = urlsplit(url)
        return parts.path.removeprefix(urlsplit(base).path), parts.fragment

    own = roots.get(query.lang, "")
    others = [prefix for lang, prefix in roots.items() if lang != query.lang and prefix]

    def other_language(path: str) -> bool:
        return not path.startswith(own) or any(path.startswith(p) for p in others)

    crossed = tuple(sorted({path for item in links for path, _ in map(where, item) if other_language(path)}))
    if not links:
        return Ranked(query, "", False, crossed)
    first_page = where(links[0][0])[0]
    best = next((anchor for _, anchor in map(where, links[0]) if anchor), "")
    right = first_page == expected_path(query, roots, moves) and (not query.section or best == query.section)
    return Ranked(query, f"/{first_page}#{best}" if best else f"/{first_page}", right, crossed)


def ranking_lines(ranked: list[Ranked], roots: dict[str, str], moves: dict) -> tuple[list[str], list[str]]:
    """(problems, notes): under RIGHT_FIRST right first, every miss is a problem; else the misses are notes."""
    if not ranked:
        return [], []
    misses = [r for r in ranked if not r.right]
    share = 1 - len(misses) / len(ranked)
    lines = []
    for r in misses:
        got = f"lists {r.first} first" if r.first else "finds nothing"
        wanted = "/" + expected_path(r.query, roots, moves) + (f"#{r.query.section}" if r.query.section else "")
        lines.append(f"{QUERIES_FILE}:{r.query.line}: searching {r.query.text!r} {got}, not {wanted}"
                     ": give that section the student's words (README.md, \"Teach the search a student's word\"), "
                     "or correct the line's page and section")
    crossed = [f"{QUERIES_FILE}:{r.query.line}: searching {r.query.text!r} lists pages of another language "
               f"({', '.join('/' + p for p in r.crossed)}): tell a developer (the search must keep to the reader's "
               "language)" for r in ranked if r.crossed]
    summary = (f"search: {len(ranked) - len(misses)} of {len(ranked)} queries ({share:.0%}) find the answering "
               f"section first (at least {RIGHT_FIRST:.0%} needed)")
    if share < RIGHT_FIRST:
        return [summary + ": the misses follow", *lines, *crossed], []
    return crossed, [summary + (": not first (notes):" if lines else ""), *("  note: " + line for line in lines)]


def search_lines(root: Path, site: Path, roots: dict[str, str]) -> tuple[list[str], list[str]]:
    """make check's search rule over a built site: (problems, notes)."""
    moves = renames(root)
    queries = [query for query in read_queries(root, list(roots)) if isinstance(query, Query)]  # the well-formed
    return ranking_lines(rank(site, queries, roots, moves), roots, moves)
