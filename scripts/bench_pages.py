"""Page budgets benchmark: what each page costs a phone on its first visit, and its Lighthouse mobile scores.

The site is built for a free port of 127.0.0.1 (so canonical and hreflang addresses match the server) and served by
Debian's nginx with the configuration in deploy/, as production serves it (compression, the redirect of the bare
address by the reader's language); --static-host serves it instead the way a host that cannot redirect does (gzip,
nothing else). Every page of both languages, and the bare address for a Chinese and for an English browser, is
loaded in Debian's Chromium at 360 x 740 with empty caches and weighed (guide/deploy/page_budget.py: requests, KB
of text and of images, gzip-compressed as sent, render-blocking scripts of the guide's own). Lighthouse (npm, pinned
in package.json) then scores each visit as a phone, --runs times, with the visit's Accept-Language.

Budgets: those of guide/deploy/page_budget.py (tests/test_page_budgets.py holds the tests' site to them); Lighthouse
performance >= 99, accessibility, best practices and SEO 100. Lighthouse is noisy (the machine's load moves it):
this is a benchmark, not a test, and the scores are judged by the median of the runs. Run it on a quiet
machine; it prints the load average before and after.

usage: scripts/bench_pages.py [--site DIR --port N] [--only PATH ...] [--runs N] [--no-lighthouse] [--static-host]
                              [--format text|markdown]
(text: each visit as it is measured, then one table of all; markdown: that table only)
exit status: 0 every visit within every budget, 1 some visit misses one, 2 wrong usage or a tool is missing
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import statistics
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
sys.path.insert(0, str(ROOT))
from guide.deploy import headers_snippet, nginx_conf
from guide.deploy.page_budget import BUDGET, KB, TEXT_TYPES, Visit, Weight, visits, weigh

CHROMIUM = "/usr/bin/chromium"
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
# Headless Debian Chromium as root; without the background-networking flags it tries to reach Google at start.
CHROME_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
LEAST_SCORES = {"performance": 99, "accessibility": 100, "best-practices": 100, "seo": 100}


@dataclass
class Result:
    weight: Weight
    runs: list[dict[str, int]] = field(default_factory=list)   # Lighthouse's category scores, one dict per run
    misses: list[str] = field(default_factory=list)            # audits below 100 (first run), timings shown


# --- Hosts -----------------------------------------------------------------------------------------------

class _GzipHandler(SimpleHTTPRequestHandler):
    """A host that cannot redirect: files from the site folder, text gzip-compressed when the client accepts it."""

    extensions_map: ClassVar[dict[str, str]] = {**SimpleHTTPRequestHandler.extensions_map, ".js": "application/javascript",
                      ".json": "application/json", ".svg": "image/svg+xml", ".webmanifest": "application/json"}

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().do_GET()  # the base class answers with a redirect to the slash form
            path = path / "index.html"
        if not path.is_file():
            return self.send_error(404)
        body = path.read_bytes()
        ctype = self.guess_type(str(path))
        headers = {"Content-Type": ctype + ("; charset=utf-8" if ctype.startswith("text/") else ""),
                   "Cache-Control": "no-cache"}
        if ctype.startswith(TEXT_TYPES) and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(body, compresslevel=5, mtime=0)  # nginx's level (deploy/nginx-guide.conf)
            headers["Content-Encoding"] = "gzip"
            headers["Vary"] = "Accept-Encoding"
        headers["Content-Length"] = str(len(body))
        self.send_response(200)
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a browser that leaves a page drops its requests in flight: not a fault of the host


@contextmanager
def static_host(site: Path, port: int) -> Iterator[None]:
    server = _QuietServer(("127.0.0.1", port), lambda *a: _GzipHandler(*a, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def nginx_host(site: Path, port: int, tmp: Path) -> Iterator[None]:
    """The site at the root of 127.0.0.1:port, with deploy/'s configuration and the build's own security headers."""
    values = nginx_conf.local_values("127.0.0.1", port, "/", site)
    main = nginx_conf.prepare(tmp / "nginx", values, headers_snippet=headers_snippet.nginx_snippet(site))
    with nginx_conf.start(main, tmp / "nginx", [("127.0.0.1", port)]):
        yield


# --- Measuring -------------------------------------------------------------------------------------------

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


def lighthouse(url: str, visit: Visit, out: Path) -> tuple[dict[str, int], list[str]]:
    """Lighthouse's mobile run (its default): category scores and the audits that kept a score below 100."""
    env = dict(os.environ, CHROME_PATH=CHROMIUM)
    language = "en-US,en;q=0.9" if visit.locale.startswith("en") else "zh-CN,zh;q=0.9"
    cmd = [str(LIGHTHOUSE), url, "--output=json", f"--output-path={out}", "--quiet",
           f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={' '.join(CHROME_FLAGS)}",
           f"--extra-headers={json.dumps({'Accept-Language': language})}"]
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=240, check=False)
    if proc.returncode != 0 or not out.exists():
        return {}, [f"lighthouse failed ({proc.returncode}): {proc.stderr.strip()[-300:]}"]
    report = json.loads(out.read_text(encoding="utf-8"))
    out.unlink()
    scores = {name: round(100 * (report["categories"][name]["score"] or 0)) for name in CATEGORIES}
    misses = []
    for name in CATEGORIES:
        for ref in report["categories"][name]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                shown = audit.get("displayValue") or ""
                misses.append(f"{name}: {ref['id']} ({audit['score']:.2f}) {shown}".rstrip())
    return scores, misses


# --- Report ----------------------------------------------------------------------------------------------

def within(result: Result) -> bool:
    scores_ok = not result.runs or all(
        statistics.median(run.get(name, 0) for run in result.runs) >= least for name, least in LEAST_SCORES.items())
    return not result.weight.misses(BUDGET) and scores_ok


def cell(values: list[int], least: int) -> str:
    """Every run's score; judged by their median, as Lighthouse's own advice on variability says (one run moves a
    point or two with the machine, the median of several does not)."""
    text = "/".join(str(v) for v in values)
    return text if statistics.median(values) >= least else f"**{text}** ✗"


def markdown_report(results: list[Result]) -> str:
    head = ["page", "requests", "text KB (gzip)", "images KB"]
    scored = any(r.runs for r in results)
    if scored:
        head += ["perf", "a11y", "best pr.", "SEO"]
    lines = ["| " + " | ".join(head) + " |", "|" + " --- |" * len(head)]
    for result in results:
        w = result.weight
        over = lambda ok, text: text if ok else f"**{text}** ✗"
        cells = [f"`{w.visit.label}`",
                 over(w.requests <= BUDGET.requests, str(w.requests)),
                 over(w.text <= BUDGET.text_kb * KB, f"{w.text / KB:.1f}"),
                 over(w.images <= BUDGET.image_kb * KB, f"{w.images / KB:.1f}")]
        if scored:
            cells += [cell([run.get(name, 0) for run in result.runs], LEAST_SCORES[name]) for name in CATEGORIES]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def text_report(result: Result) -> str:
    w = result.weight
    lines = [f"{w.visit.label} -> {w.final_url}",
             (f"  requests {w.requests} (<= {BUDGET.requests}), text {w.text / KB:.1f} KB (<= {BUDGET.text_kb:g}), "
             f"images {w.images / KB:.1f} KB (<= {BUDGET.image_kb:g})"),
             "  " + ", ".join(f"{a.url.rsplit('/', 2)[-1] or a.url.rsplit('/', 2)[-2] + '/'} {a.size / KB:.1f}"
                              for a in w.answers)]
    lines += [f"  over budget: {miss}" for miss in w.misses(BUDGET)]
    for n, run in enumerate(result.runs, 1):
        lines.append(f"  Lighthouse run {n}: " + ", ".join(f"{name} {run.get(name, 0)}" for name in CATEGORIES))
    lines += [f"  below 100 (run 1): {miss}" for miss in result.misses]
    return "\n".join(lines)


def build(site: Path, site_url: str) -> None:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL=site_url)
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "--site-dir", str(site)],
                          cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"bench_pages: mkdocs build --strict failed:\n{proc.stderr[-2000:]}")


def load() -> str:
    return " ".join(Path("/proc/loadavg").read_text(encoding="ascii").split()[:3])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site", type=Path, help="an already built site (default: build one for the server's port)")
    parser.add_argument("--port", type=int, help="port to serve on (with --site: the port its site_url names)")
    parser.add_argument("--only", nargs="+", metavar="PATH", help="pages to measure, e.g. '' en/register/")
    parser.add_argument("--runs", type=int, default=1, help="Lighthouse runs per visit (default 1)")
    parser.add_argument("--no-lighthouse", action="store_true", help="weigh pages only (quick)")
    parser.add_argument("--static-host", action="store_true", help="serve as a host that cannot redirect")
    parser.add_argument("--format", choices=("text", "markdown"), default="text")
    args = parser.parse_args(argv)
    if not Path(CHROMIUM).exists() or (not args.no_lighthouse and not LIGHTHOUSE.exists()):
        print(f"bench_pages: needs {CHROMIUM} and {LIGHTHOUSE} (run `make bench-pages`)", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    port = args.port or nginx_conf.free_port()
    print(f"bench_pages: load average {load()} at the start", file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="bench-pages-") as tmp:
        site = args.site or Path(tmp) / "site"
        if not args.site:
            build(site, f"http://127.0.0.1:{port}/")
        paths = args.only if args.only is not None else page_paths(site)
        base = f"http://127.0.0.1:{port}/"
        host = static_host(site, port) if args.static_host else nginx_host(site, port, Path(tmp))
        results = []
        with host, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROME_FLAGS[1:])
            for visit in visits(paths):
                result = Result(weigh(browser, base, visit))
                for _ in range(0 if args.no_lighthouse else args.runs):
                    scores, misses = lighthouse(base + visit.path, visit, Path(tmp) / "lighthouse.json")
                    result.runs.append(scores)
                    result.misses = result.misses or misses
                results.append(result)
                if args.format == "text":
                    print(text_report(result), flush=True)
            browser.close()
    print(f"bench_pages: load average {load()} at the end", file=sys.stderr)
    misses = [r.weight.visit.label for r in results if not within(r)]
    print(("\n" if args.format == "text" else "") + markdown_report(results))
    print(f"bench_pages: {len(results)} visits, {len(results) - len(misses)} within every budget"
          + (f"; misses: {', '.join(misses)}" if misses else ""))
    return 1 if misses else 0


if __name__ == "__main__":
    raise SystemExit(main())
