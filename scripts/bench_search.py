"""Search engines benchmark: the same student queries, in Chromium, through each engine the guide could ship.

Engines, over one build of the site:
- material: Material's own search worker as Material ships it (its Chinese segmenter drops a query's last word);
- material-fixed: the corrected worker the build ships (guide/outputs/search_worker.py);
- pagefind: Pagefind (PyPI pagefind[extended]) run over the same built pages (the article only, with the
  student's words of includes/ui-labels.yml put into the section they belong to, as the Material index has them),
  queried through its own pagefind.js in the page's language.

Each query of includes/search-queries.yml is typed on a fresh page of its language (empty cache), with the CPU
slowed 4 times (CDP Emulation.setCPUThrottlingRate, a mid-range phone). Per engine: right first (the first result
is the query's page and, when the query names one, its section), wrong language (a result of the other language),
nothing found, the bytes the search fetched for that query (index, worker or chunks; gzip-compressed, as a web server sends them), and
the time from the query to the results shown (median and slowest). Misses are listed under the table.

usage: scripts/bench_search.py [--queries FILE] [--engines material,material-fixed,pagefind] [--no-throttle]
exit status: 0 when it ran, 2 when a tool is missing
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from browser import CHROMIUM, CHROMIUM_ARGS, PHONE, serve

from guide.checks.search_queries import current_page
from guide.outputs import redirects as rd
from guide.outputs import search_worker

# The Pagefind program itself, from the PyPI package pagefind-bin-extended (Chinese segmentation at index time).
PAGEFIND = Path(sysconfig.get_paths()["purelib"]) / "pagefind_bin_extended" / "pagefind_extended"
ENGINES = ("material", "material-fixed", "pagefind")
NO_RESULT = re.compile(r"no matching|没有找到", re.IGNORECASE)


@dataclass
class Outcome:
    lang: str
    query: str
    expected: str
    got: str = ""
    right: bool = False
    wrong_language: bool = False
    nothing: bool = False
    bytes: int = 0
    ms: float = 0.0


@dataclass
class Engine:
    name: str
    outcomes: list[Outcome] = field(default_factory=list)


def load_queries(path: Path) -> list[tuple[str, str, str, str, int]]:
    """(lang, query, page, section, line) of the query file."""
    document = yaml.compose(path.read_text(encoding="utf-8"))
    rows = []
    for key, items in document.value:
        for row in items.value:
            query, page, section = (item.value for item in row.value)
            rows.append((key.value, query, page, section, row.start_mark.line + 1))
    return rows


def build(target: Path) -> None:
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(target)], cwd=ROOT, check=True,
                   env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"}, stderr=subprocess.DEVNULL)


def stock_material(site: Path) -> None:
    """Put Material's own worker where the build put the corrected one."""
    workers = site / search_worker.WORKERS
    for fixed in workers.glob("search.*.min.js"):
        shutil.copyfile(search_worker.material_worker(), fixed)


HEADING = '<h{level} id="{id}"'


def pagefind_site(site: Path) -> None:
    """Index the article of each page with Pagefind, the student's words in the section they belong to."""
    for page in site.rglob("index.html"):
        html = page.read_text(encoding="utf-8")
        page.write_text(html.replace('<article class="md-content__inner md-typeset">',
                                     '<article class="md-content__inner md-typeset" data-pagefind-body>'),
                        encoding="utf-8")
    for index_file, prefix in ((site / "search" / "search_index.json", ""),
                               (site / "en" / "search" / "search_index.json", "en/")):
        for doc in json.loads(index_file.read_text(encoding="utf-8"))["docs"]:
            words = doc.get("synonyms")
            if not words:
                continue
            location, _, anchor = doc["location"].partition("#")
            page = site / prefix / location / "index.html"
            html = page.read_text(encoding="utf-8")
            spot = re.search(rf'<h([1-6]) id="{re.escape(anchor)}".*?</h\1>' if anchor else r"<h1.*?</h1>", html,
                             re.DOTALL)
            if spot:
                extra = f'<span style="display:none" data-pagefind-weight="7">{words}</span>'
                html = html[:spot.end()] + extra + html[spot.end():]
                page.write_text(html, encoding="utf-8")
    subprocess.run([str(PAGEFIND), "--site", str(site), "--exclude-selectors", ".headerlink"],
                   check=True, stdout=subprocess.DEVNULL)


MATERIAL_WAIT = """() => document.querySelector('.md-search-result__item a') ||
  /no matching|没有找到/i.test(document.querySelector('.md-search-result__meta')?.textContent || '')"""

PAGEFIND_QUERY = """async ([base, q]) => {
  const t0 = performance.now();
  const pf = await import(base + 'pagefind/pagefind.js');
  const found = await pf.search(q);
  const top = await Promise.all(found.results.slice(0, 5).map(r => r.data()));
  // Its sections best first, as its own UI weighs them: the sum of their matches' balanced scores.
  const score = s => (s.weighted_locations || []).reduce((sum, w) => sum + (w.balanced_score || 0), 0);
  return {ms: performance.now() - t0,
          links: top.map(d => [d.url, ...[...d.sub_results].sort((a, b) => score(b) - score(a)).map(s => s.url)])};
}"""


def run_query(engine: str, browser, base: str, lang: str, query: str, throttle: bool) -> tuple[list[list[str]], int,
                                                                                               float]:
    """(links of each result: page first, then its sections), bytes fetched for search, milliseconds."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    context = browser.new_context(viewport=PHONE, locale="en-US" if lang == "en" else "zh-CN")
    page = context.new_page()
    fetched: dict[str, int] = {}

    def record(response) -> None:
        url = response.url
        if "/search/" in url or "/workers/" in url or "/pagefind/" in url:
            try:
                fetched[url] = len(gzip.compress(response.body()))
            except Exception:  # noqa: BLE001 - a response without a body (redirect) weighs nothing
                fetched[url] = 0

    page.on("response", record)
    start = base + ("en/" if lang == "en" else "")
    page.goto(start)
    if throttle:
        page.context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": 4})
    if engine == "pagefind":
        result = page.evaluate(PAGEFIND_QUERY, [base, query])
        links = [[urljoin(start, u) for u in item] for item in result["links"]]
        ms = result["ms"]
    else:
        page.locator("label[for='__search']").first.click()
        box = page.locator("input.md-search__input")
        box.focus()
        t0 = page.evaluate("performance.now()")
        page.keyboard.insert_text(query)
        page.keyboard.press("End")
        try:
            page.wait_for_function(MATERIAL_WAIT, timeout=15000)
        except PlaywrightTimeout:  # no answer in 15 s (the worker failed on the query): nothing found
            context.close()
            return [], sum(fetched.values()), 15000.0
        ms = page.evaluate("performance.now()") - t0
        links = [[urljoin(page.url, h) for h in item]
                 for item in page.locator(".md-search-result__item").evaluate_all(
                     "items => items.map(i => [...i.querySelectorAll('a')].map(a => a.getAttribute('href')))")]
        links = [item for item in links if item]
    context.close()
    return links, sum(fetched.values()), ms


def judge(links: list[list[str]], base: str, lang: str, page: str, section: str,
          moves: dict) -> tuple[bool, bool, str]:
    """(right first, wrong language, what came first)."""
    prefix = "en/" if lang == "en" else ""
    name = current_page(page, moves)
    want = prefix + ("" if name == "index" else f"{name}/")

    def where(url: str) -> tuple[str, str]:
        parts = urlsplit(url)
        return parts.path.removeprefix(urlsplit(base).path), parts.fragment

    wrong = any(where(u)[0].startswith("en/") != (lang == "en") for item in links for u in item)
    if not links:
        return False, wrong, "(nothing)"
    first_page, _ = where(links[0][0])
    anchors = [where(u)[1] for u in links[0] if where(u)[1]]
    best = anchors[0] if anchors else ""
    got = f"{first_page}#{best}" if best else first_page
    right = first_page == want and (not section or best == section)
    return right, wrong, got


def bench(queries, engines: list[str], throttle: bool) -> list[Engine]:
    from playwright.sync_api import sync_playwright

    moves = {r.old: r for r in rd.load_redirects(ROOT)[0]}
    results = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        built = Path(tmp) / "built"
        build(built)
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for name in engines:
            site = Path(tmp) / name
            shutil.copytree(built, site)
            if name == "material":
                stock_material(site)
            elif name == "pagefind":
                pagefind_site(site)
            engine = Engine(name)
            with serve(site) as base:
                for lang, query, page, section, line in queries:
                    links, size, ms = run_query(name, browser, base, lang, query, throttle)
                    right, wrong, got = judge(links, base, lang, page, section, moves)
                    want = f"{page}#{section}" if section else page
                    engine.outcomes.append(Outcome(lang, f"{query} (line {line})", want, got, right, wrong,
                                                   not links, size, ms))
            results.append(engine)
        browser.close()
    return results


def table(results: list[Engine]) -> str:
    lines = [("| engine | right first | wrong language | nothing found | KB fetched per query, gzip (median) | "
             "ms per query, 4x CPU (median / slowest) |"), "|---|---|---|---|---|---|"]
    for engine in results:
        out = engine.outcomes
        n = len(out)
        right = sum(o.right for o in out)
        lines.append(
            f"| {engine.name} | {right}/{n} ({100 * right / n:.0f}%) | {sum(o.wrong_language for o in out)} | "
            f"{sum(o.nothing for o in out)} | {statistics.median(o.bytes for o in out) / 1024:.0f} | "
            f"{statistics.median(o.ms for o in out):.0f} / {max(o.ms for o in out):.0f} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--queries", type=Path, default=ROOT / "includes" / "search-queries.yml")
    parser.add_argument("--engines", default=",".join(ENGINES))
    parser.add_argument("--no-throttle", action="store_true")
    args = parser.parse_args(argv)
    engines = [e for e in args.engines.split(",") if e]
    if unknown := [e for e in engines if e not in ENGINES]:
        parser.error(f"no engine {unknown[0]!r}: the engines are {', '.join(ENGINES)}")
    if "pagefind" in engines and not PAGEFIND.is_file():  # make bench-search installs it
        print("pagefind is not installed: .venv/bin/pip install 'pagefind[extended]==1.5.2'", file=sys.stderr)
        return 2
    results = bench(load_queries(args.queries), engines, not args.no_throttle)
    print(table(results))
    for engine in results:
        misses = [o for o in engine.outcomes if not o.right]
        print(f"\n{engine.name}: {len(misses)} not first")
        for o in misses:
            print(f"  [{o.lang}] {o.query}: wanted {o.expected}, got {o.got}" + (" (other language)"
                                                                                 if o.wrong_language else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
