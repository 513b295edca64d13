"""Check every link of the guide: internal links and #fragments offline, remote addresses politely online.

With no PATH (`make links`) it checks docs/, with the addresses of includes/facts.yml, and the built site/. Exit 0
when nothing is broken, 1 when something is, 2 on wrong usage, unreadable input or a failure of the checker itself.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections.abc import Sequence
from pathlib import Path

try:
    from guide.linkcheck import classify, fetch, internal, model
    from guide.linkcheck.config import Settings, load_settings
    from guide.linkcheck.model import BLOCKED, BROKEN, OK, REDIRECT, UNREACHABLE, VERDICTS, Link, Result, Source
except ImportError as exc:  # Python would exit 1, which means broken links
    print(f"make links: cannot start ({exc}): run `make links`, which sets up what the link checker needs", file=sys.stderr)
    raise SystemExit(2) from None


def check_internal(args: Sequence[str], root: Path) -> tuple[internal.Findings, list[str]]:
    """The internal links of the inputs (docs/ and site/ of root when there are none), and the URLs among them."""
    sites, markdown, urls, project = [], [], [], None
    if not args:
        sites, project = [root / "site"], root
        if not (sites[0] / "index.html").is_file():
            raise ValueError(f"{internal.display(sites[0])} holds no built site: run `make build` first")
        markdown = sorted((root / "docs").rglob("*.md"))
    for arg in args:
        path = Path(arg)
        if fetch.WEB.match(arg):
            urls.append(arg)
        elif path.is_dir() and any(path.rglob("*.html")):
            sites.append(path)
        elif path.is_dir() or path.is_file() and path.suffix == ".md":
            found = sorted(path.rglob("*.md")) if path.is_dir() else [path]
            if not found:
                raise ValueError(f"{arg}: no Markdown or HTML files in this directory")
            markdown += found
            # the project the Markdown belongs to, if it keeps its addresses in includes/facts.yml
            project = project or next((p for p in path.resolve().parents if (p / "includes" / "facts.yml").is_file()),
                                      None)
        elif path.is_file():
            raise ValueError(f"{arg}: give Markdown files, directories (docs or a built site) or http(s) URLs")
        else:
            raise ValueError(f"{arg}: no such file or directory")
    merged = internal.Findings()
    for part in [*map(internal.check_site, sites), *([internal.check_markdown(markdown, project)] if markdown else [])]:
        merged.internal.update(part.internal)
        merged.external += part.external
    return merged, urls


# --- the cache of ok results and the history of unreachable links, in .cache/ -----------------------------------------

CACHE_FILE = "ok-cache.json"
HISTORY_FILE = "history.json"


def read_json(path: Path, kind: type) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}  # a missing or damaged file only costs a slower run
    return {k: v for k, v in data.items() if isinstance(v, kind)} if isinstance(data, dict) else {}


def write_json(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8")
    os.replace(tmp, path)


def remember(result: Result, cache: dict, history: dict, now: float, threshold: int) -> Result:
    """Update cache and history with a fresh result; return it, turned broken after threshold unreachable runs.
    A run whose resolver answered for no host (`resolver_down`) neither counts toward nor against a link."""
    url = result.url
    if result.resolver_down:
        return result
    if result.verdict == OK:
        cache[url] = {"checked": now, "status": result.status, "final_url": result.final_url}
    else:
        cache.pop(url, None)
    if result.verdict != UNREACHABLE:
        history.pop(url, None)
        return result
    runs = history[url] = history.get(url, 0) + 1
    if runs >= threshold:
        result.verdict = BROKEN
        result.detail = f"unreachable in {runs} runs in a row: {result.detail}"
    else:
        result.detail = f"{result.detail} (unreachable run {runs} of {threshold} before it counts as broken)"
    return result


def check_external(links: list[Link], settings: Settings, cache_dir: Path | None, now: float) -> list[Result]:
    excluded = [re.compile(p) for p in settings.exclude]
    grouped: dict[str, set[Source]] = {}  # URL -> its sources, in first-seen URL order
    for link in links:
        if not any(p.search(link.url) for p in excluded):
            grouped.setdefault(link.url, set()).add(link.source)
    cache = read_json(cache_dir / CACHE_FILE, dict) if cache_dir else {}
    history = read_json(cache_dir / HISTORY_FILE, int) if cache_dir else {}
    results: dict[str, Result] = {}
    for url in grouped:
        checked = cache.get(url, {}).get("checked")
        if not fetch.WEB.match(url):  # mailto: and tel: come from includes/facts.yml, whose reader checks their form
            results[url] = Result(url, OK, detail=f"not checked: {url.partition(':')[0].lower()}: links are not fetched")
        elif isinstance(checked, (int, float)) and 0 <= now - checked < settings.cache_ttl:
            status = cache[url].get("status")
            results[url] = Result(url, OK, status=status if isinstance(status, int) else None,
                                  final_url=str(cache[url].get("final_url") or url), detail="cached", cached=True)
    fetched = fetch.run_fetch([url for url in grouped if url not in results], settings)
    for url, result in classify.allow_for_a_dns_outage({u: r for u, (r, _) in fetched.items()}).items():
        results[url] = remember(result, cache, history, now, settings.history_threshold)
    if cache_dir:
        write_json(cache_dir / CACHE_FILE, cache)
        write_json(cache_dir / HISTORY_FILE, history)
    for url, sources in grouped.items():
        results[url].sources = sorted(sources, key=lambda s: (s.path, s.line or 0))
    return [results[url] for url in grouped]


# --- reports: text for people, json for scripts, markdown for a CI job summary ---------------------------------------

def where(result: Result, limit: int = 3) -> str:
    names = [str(s) for s in result.sources]
    if len(names) > limit:
        names = names[:limit] + [f"+{len(result.sources) - limit} more"]
    return ", ".join(names) or "command line"


def render(results: list[Result], fmt: str) -> str:
    counts = {v: sum(r.verdict == v for r in results) for v in VERDICTS}
    order = (BROKEN, UNREACHABLE, BLOCKED, REDIRECT)
    found = sorted((r for r in results if r.verdict != OK), key=lambda r: (order.index(r.verdict), r.url))
    if fmt == "json":
        data = {"results": [{"url": r.url, "verdict": r.verdict, "status": r.status, "final_url": r.final_url,
                             "sources": [str(s) for s in r.sources], "detail": r.detail} for r in results],
                "summary": counts}
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if fmt == "markdown":
        out = model.markdown_counts("Link check", VERDICTS, counts)
        if found:
            out += ["| verdict | status | link | where | detail |", "|---|---|---|---|---|"]
            out += ["| " + " | ".join([r.verdict, str(r.status or ""), *map(model.cell, (r.url, where(r), r.detail))])
                    + " |" for r in found]
        else:
            out.append("Every link is ok.")
        return "\n".join(out) + "\n"
    lines = []
    for r in found:
        target = f"{r.url} -> {r.final_url}" if r.verdict == REDIRECT and r.final_url else r.url
        status = f"[{r.status}]" if r.status else "[---]"
        lines.append(f"{r.verdict:<11} {status} {target} (at {where(r)}) | {r.detail}")
    cached = sum(r.cached for r in results)
    lines.append(f"{len(results)} links: " + ", ".join(f"{counts[v]} {v}" for v in VERDICTS)
                 + (f" ({cached} ok from the cache)" if cached else ""))
    return "\n".join(lines) + "\n"


# --- the command ------------------------------------------------------------------------------------------------------

def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m guide.linkcheck", description=__doc__.split("\n\n")[0])
    parser.add_argument("inputs", nargs="*", metavar="PATH|URL",
                        help="Markdown files or directories, built site directories, http(s) URLs (default: docs/ and site/)")
    parser.add_argument("--offline", action="store_true", help="check internal links and #fragments only")
    parser.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    parser.add_argument("--config", type=Path, default=Path(__file__).resolve().parents[2] / "pyproject.toml",
                        help="the pyproject.toml whose [tool.check-links] table to read")
    parser.add_argument("--no-cache", action="store_true", help="neither read nor write the cache and the history")
    args = parser.parse_args(argv)  # wrong usage exits 2, as argparse does
    step = "reading the input"  # the step under way, for the message when one fails
    try:
        try:
            settings = load_settings(args.config)
            found, urls = check_internal(args.inputs, Path.cwd())
        except (OSError, ValueError) as exc:  # an input that does not exist or holds nothing to check, a setting
            print(f"make links: {exc}", file=sys.stderr)
            return 2
        results = list(found.internal.values())
        if not args.offline:
            step = "checking the remote links"
            cache_dir = None if args.no_cache else Path.cwd() / settings.cache_dir
            links = found.external + [Link(u, Source("command line")) for u in urls]
            results += check_external(links, settings, cache_dir, time.time())
        step = "writing the report"
        sys.stdout.write(render(results, args.format))
        return 1 if any(r.verdict == BROKEN for r in results) else 0
    except Exception as exc:  # noqa: BLE001 - any fault of the checker itself is exit 2, never 1 (= broken links)
        what = " ".join(f"{type(exc).__name__}: {exc}".split())
        print(f"make links: failed while {step} ({what}); this says nothing about the links", file=sys.stderr)
        return 2

