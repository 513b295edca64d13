"""Page budgets benchmark: what each page costs a reader on a phone, and its Lighthouse mobile scores.

The site is built for a free port of 127.0.0.1 (so canonical and hreflang addresses match the server) and served
the way a static host serves it: text (HTML, CSS, JS, JSON, SVG) gzip-compressed on the fly when the browser accepts
it. Every page of every language is then loaded in Debian's Chromium at 360 x 740 with empty caches; the server
counts each request and the bytes it sent. Lighthouse (npm, pinned in package.json) then scores the page as a phone.

Budgets per page: HTML + CSS + JS (gzip) <= 90 KB, images <= 300 KB, requests <= 12; Lighthouse performance >= 98,
accessibility, best practices and SEO 100. This is a benchmark, not a test: it prints one table per page.

usage: scripts/bench_pages.py [--site DIR --port N] [--only PATH ...] [--no-lighthouse] [--format text|markdown]
(text: a table per page as it is measured, then one table of all pages; markdown: that last table only)
exit status: 0 every page within every budget, 1 some page misses one, 2 wrong usage or a tool is missing
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
# Headless Debian Chromium as root; without the background-networking flags it tries to reach Google at start.
CHROME_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TEXT_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")
KB = 1024


@dataclass(frozen=True)
class Budget:
    code_kb: float = 90  # gzip-compressed HTML + CSS + JS
    image_kb: float = 300
    requests: int = 12
    scores: tuple[tuple[str, int], ...] = (
        ("performance", 98), ("accessibility", 100), ("best-practices", 100), ("seo", 100),
    )


@dataclass
class Sent:
    path: str
    content_type: str
    size: int  # bytes of body on the wire (compressed when compressed)


@dataclass
class PageResult:
    path: str
    code: int = 0  # HTML + CSS + JS
    images: int = 0
    other: int = 0  # JSON (the search index), SVG icons, anything else
    requests: list[Sent] = field(default_factory=list)
    scores: dict[str, int] = field(default_factory=dict)
    failed_audits: list[str] = field(default_factory=list)


# --- A static host with gzip -----------------------------------------------------------------------

class _GzipHandler(SimpleHTTPRequestHandler):
    """Files from the site folder; text gzip-compressed when the client accepts it; every response recorded."""

    log: ClassVar[list[Sent]]
    extensions_map: ClassVar[dict[str, str]] = {**SimpleHTTPRequestHandler.extensions_map, ".js": "application/javascript",
                      ".json": "application/json", ".svg": "image/svg+xml", ".webmanifest": "application/json"}

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().do_GET()  # the base class answers with a redirect to the slash form
            path = path / "index.html"
        if not path.is_file():
            self.log.append(Sent(self.path, "404", 0))
            return self.send_error(404)
        body = path.read_bytes()
        ctype = self.guess_type(str(path))
        headers = {"Content-Type": ctype + ("; charset=utf-8" if ctype.startswith("text/") else ""),
                   "Cache-Control": "max-age=3600"}
        if ctype.startswith(TEXT_TYPES) and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(body, compresslevel=9, mtime=0)
            headers["Content-Encoding"] = "gzip"
            headers["Vary"] = "Accept-Encoding"
        headers["Content-Length"] = str(len(body))
        self.send_response(200)
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)
        self.log.append(Sent(self.path, ctype, len(body)))

    def log_message(self, format: str, *args: object) -> None:
        pass


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def serve(site: Path, port: int) -> Iterator[list[Sent]]:
    """Serve `site` at http://127.0.0.1:port/; yield the list every response is appended to."""
    log: list[Sent] = []
    handler = type("Handler", (_GzipHandler,), {"log": log})
    server = ThreadingHTTPServer(("127.0.0.1", port), lambda *a: handler(*a, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield log
    finally:
        server.shutdown()
        server.server_close()


# --- Measuring -------------------------------------------------------------------------------------

def page_paths(site: Path) -> list[str]:
    """Every page of every language ('' for the home page, 'en/register/'...); no 404, no redirect stubs."""
    paths = []
    for index in sorted(site.rglob("index.html")):
        rel = index.parent.relative_to(site).as_posix()
        text = index.read_text(encoding="utf-8", errors="replace")
        if 'http-equiv="refresh"' in text or rel.startswith(("search", "assets", "downloads")):
            continue
        paths.append("" if rel == "." else rel + "/")
    return sorted(paths, key=lambda p: (p.startswith("en/"), p))


def classify(sent: Sent) -> str:
    if sent.content_type.startswith(("text/html", "text/css", "application/javascript", "text/javascript")):
        return "code"
    if sent.content_type.startswith("image/") and not sent.content_type.startswith("image/svg"):
        return "images"
    return "other"


def weigh(browser, base: str, path: str, log: list[Sent]) -> PageResult:
    """Load one page like a phone with empty caches; sum what the server sent for it."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=2, is_mobile=True,
                                  has_touch=True, locale="en-US" if path.startswith("en/") else "zh-CN")
    page = context.new_page()
    log.clear()
    page.goto(base + path, wait_until="networkidle")
    page.wait_for_timeout(300)  # late requests of the search worker
    context.close()
    result = PageResult(path, requests=list(log))
    for sent in result.requests:
        kind = classify(sent)
        setattr(result, kind, getattr(result, kind) + sent.size)
    return result


def lighthouse(url: str, out: Path) -> tuple[dict[str, int], list[str]]:
    """Lighthouse's mobile run (its default): category scores and the audits that kept a score below 100."""
    env = dict(os.environ, CHROME_PATH=CHROMIUM)
    cmd = [str(LIGHTHOUSE), url, "--output=json", f"--output-path={out}", "--quiet",
           f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={' '.join(CHROME_FLAGS)}"]
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=240, check=False)
    if proc.returncode != 0 or not out.exists():
        return {}, [f"lighthouse failed ({proc.returncode}): {proc.stderr.strip()[-300:]}"]
    report = json.loads(out.read_text(encoding="utf-8"))
    scores = {name: round(100 * (report["categories"][name]["score"] or 0)) for name in CATEGORIES}
    misses = []
    for name in CATEGORIES:
        for ref in report["categories"][name]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                shown = audit.get("displayValue") or ""
                misses.append(f"{name}: {ref['id']} ({audit['score']:.2f}) {shown}".rstrip())
    return scores, misses


# --- Report ----------------------------------------------------------------------------------------

def rows(result: PageResult, budget: Budget) -> list[tuple[str, str, str, bool]]:
    """(measure, actual, budget, within budget) for one page."""
    table = [
        ("HTML+CSS+JS, gzip", f"{result.code / KB:.1f} KB", f"<= {budget.code_kb:g} KB",
         result.code <= budget.code_kb * KB),
        ("images", f"{result.images / KB:.1f} KB", f"<= {budget.image_kb:g} KB",
         result.images <= budget.image_kb * KB),
        ("requests", str(len(result.requests)), f"<= {budget.requests}", len(result.requests) <= budget.requests),
    ]
    for name, least in budget.scores if result.scores else ():
        score = result.scores.get(name, 0)
        table.append((f"Lighthouse {name}", str(score), f">= {least}", score >= least))
    return table


def text_report(result: PageResult, budget: Budget) -> str:
    lines = [f"/{result.path}", f"  {'measure':<28}{'actual':>10}  {'budget':<10}result"]
    for measure, actual, limit, ok in rows(result, budget):
        lines.append(f"  {measure:<28}{actual:>10}  {limit:<10}{'pass' if ok else 'MISS'}")
    lines.append(f"  {'(other: search index, icons)':<28}{result.other / KB:>7.1f} KB")
    lines += [f"  requests: {', '.join(sent.path.rsplit('/', 1)[-1] or sent.path for sent in result.requests)}"]
    lines += [f"  below 100: {miss}" for miss in result.failed_audits]
    return "\n".join(lines)


def markdown_report(results: list[PageResult], budget: Budget) -> str:
    head = ["page", "HTML+CSS+JS gzip", "images", "requests"]
    if any(r.scores for r in results):
        head += ["perf", "a11y", "best pr.", "SEO"]
    lines = ["| " + " | ".join(head) + " |", "|" + " --- |" * len(head)]
    for result in results:
        cells = [f"`/{result.path}`"]
        for _, actual, _, ok in rows(result, budget):
            cells.append(actual if ok else f"**{actual}** ✗")
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def build(site: Path, site_url: str) -> None:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL=site_url)
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "--site-dir", str(site)],
                          cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"bench_pages: mkdocs build --strict failed:\n{proc.stderr[-2000:]}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site", type=Path, help="an already built site (default: build one for the server's port)")
    parser.add_argument("--port", type=int, help="port to serve on (with --site: the port its site_url names)")
    parser.add_argument("--only", nargs="+", metavar="PATH", help="pages to measure, e.g. '' en/register/")
    parser.add_argument("--no-lighthouse", action="store_true", help="weigh pages only (quick)")
    parser.add_argument("--format", choices=("text", "markdown"), default="text")
    args = parser.parse_args(argv)
    if not Path(CHROMIUM).exists() or (not args.no_lighthouse and not LIGHTHOUSE.exists()):
        print(f"bench_pages: needs {CHROMIUM} and {LIGHTHOUSE} (run `make bench-pages`)", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    port = args.port or free_port()
    budget = Budget()
    with tempfile.TemporaryDirectory(prefix="bench-pages-") as tmp:
        site = args.site or Path(tmp) / "site"
        if not args.site:
            build(site, f"http://127.0.0.1:{port}/")
        paths = args.only if args.only is not None else page_paths(site)
        base = f"http://127.0.0.1:{port}/"
        results = []
        with serve(site, port) as log, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROME_FLAGS[1:])
            for path in paths:
                result = weigh(browser, base, path, log)
                if not args.no_lighthouse:
                    result.scores, result.failed_audits = lighthouse(base + path, Path(tmp) / "lighthouse.json")
                results.append(result)
                if args.format == "text":
                    print(text_report(result, budget), flush=True)
            browser.close()
    misses = [r.path for r in results if not all(ok for *_, ok in rows(r, budget))]
    # All pages in one table at the end (Markdown, which reads as plain text too; README quotes it).
    print(("\n" if args.format == "text" else "") + markdown_report(results, budget))
    print(f"bench_pages: {len(results)} pages, {len(results) - len(misses)} within every budget"
          + (f"; misses: {', '.join('/' + m for m in misses)}" if misses else ""))
    return 1 if misses else 0


if __name__ == "__main__":
    raise SystemExit(main())
