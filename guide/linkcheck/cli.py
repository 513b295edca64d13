#!/usr/bin/env python3
"""Check every link of the guide: internal links and #fragments offline, remote addresses politely online.

usage: python -m guide.linkcheck [PATH|URL ...] [--offline] [--format text|json|markdown|sarif|github]

`make links` builds the site first, then runs it with no PATH. With no PATH it checks docs/ (with the addresses of includes/facts.yml) and the built site/. Verdicts: ok, redirect, broken,
blocked, unreachable. Exit 0 when nothing is broken, 1 when something is, 2 on wrong usage, unreadable input or
a failure of the checker itself (one line on stderr says what failed; no verdict on the links).
"""
from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

try:
    from guide.linkcheck import classify, fetch, internal, report, store
    from guide.linkcheck.config import ConfigError, Settings, load_settings
    from guide.linkcheck.model import BROKEN, Link, Result, Source, group_links
except ImportError as exc:  # Python would exit 1, which means broken links
    print(f"make links: cannot start ({exc}): run `make links`, which sets up what the link checker needs", file=sys.stderr)
    raise SystemExit(2) from None

ROOT = Path(__file__).resolve().parents[2]
COMMAND_LINE = Source("command line")


class InputError(Exception):
    """An input that does not exist or holds nothing to check (exit 2)."""


@dataclass
class Inputs:
    markdown: list[Path] = field(default_factory=list)
    markdown_root: Path | None = None
    sites: list[Path] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)
    facts_root: Path | None = None      # a project whose includes/facts.yml gives the pages their addresses


def default_inputs(root: Path) -> Inputs:
    site = root / "site"
    if not (site / "index.html").is_file():
        raise InputError(f"{internal.display(site)} holds no built site: run `make build` first")
    docs = root / "docs"
    markdown = sorted(docs.rglob("*.md")) if docs.is_dir() else []
    return Inputs(markdown=markdown, markdown_root=docs, sites=[site], facts_root=root)


def classify_inputs(args: Sequence[str]) -> Inputs:
    inputs = Inputs()
    for arg in args:
        if re.match(r"^https?://", arg, re.IGNORECASE):
            inputs.urls.append(arg)
            continue
        path = Path(arg)
        if path.is_dir():
            if any(path.rglob("*.html")):
                inputs.sites.append(path)
                continue
            found = sorted(path.rglob("*.md"))
            if not found:
                raise InputError(f"{arg}: no Markdown or HTML files in this directory")
            inputs.markdown += found
            inputs.markdown_root = inputs.markdown_root or path
            inputs.facts_root = inputs.facts_root or facts_project(path)
        elif path.is_file() and path.suffix == ".md":
            inputs.markdown.append(path)
            inputs.facts_root = inputs.facts_root or facts_project(path)
        elif path.is_file():
            raise InputError(f"{arg}: give Markdown files, directories (docs or a built site) or http(s) URLs")
        else:
            raise InputError(f"{arg}: no such file or directory")
    return inputs


def check_internal(inputs: Inputs) -> internal.Findings:
    merged = internal.Findings()
    parts = [internal.check_site(site) for site in inputs.sites]
    if inputs.markdown:
        registry, expand = project_facts(inputs.facts_root)
        parts.append(internal.check_markdown(inputs.markdown, inputs.markdown_root, registry, expand))
    for part in parts:
        merged.internal.update(part.internal)
        merged.external += part.external
    return merged


def facts_project(path: Path) -> Path | None:
    """The project a Markdown file or folder belongs to, if that project keeps its addresses in includes/facts.yml."""
    for parent in path.resolve().parents:
        if (parent / "includes" / "facts.yml").is_file():
            return parent
    return None


def project_facts(root: Path | None):
    """The reference definitions and the placeholder expansion the build gives a project's pages, if it has facts."""
    if root is None or not (root / "includes" / "facts.yml").is_file():
        return None, None
    from guide.linkcheck.mdsource import Definition
    from guide.sources import facts as facts_module
    from guide.sources import site_config

    facts = facts_module.load_facts(root)
    language_of = site_config.read(root).language_of
    registry = {name: Definition(name, url, Source(facts_module.FACTS_FILE, facts.lines.get(name)))
                for name, url in facts.references().items()}

    def expand(path: Path, text: str) -> str:
        return facts_module.expand(text, facts, language_of(path.name), str(path))[0]

    return registry, expand


def check_external(links: list[Link], settings: Settings, cache_dir: Path | None, now: float) -> list[Result]:
    grouped = group_links(links)
    excluded = [re.compile(p) for p in settings.exclude]
    grouped = {u: s for u, s in grouped.items() if not any(p.search(u) for p in excluded)}
    saved = store.load_store(cache_dir) if cache_dir else store.Store()
    results: dict[str, Result] = {}
    to_fetch: list[str] = []
    for url in grouped:
        if not re.match(r"^https?://", url, re.IGNORECASE):
            results[url] = internal.check_address(url)
        elif (hit := store.cached_result(saved, url, now, settings.cache_ttl)) is not None:
            results[url] = hit
        else:
            to_fetch.append(url)
    for url, result in classify.allow_for_a_dns_outage(fetch.run_remote(to_fetch, settings)).items():
        results[url] = store.record(saved, result, now, settings.history_threshold)
    if cache_dir:
        store.save_store(cache_dir, saved)
    ordered = []
    for url, sources in grouped.items():
        result = results[url]
        result.sources = sources
        ordered.append(result)
    return ordered


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m guide.linkcheck", description=__doc__.split("\n\n")[0])
    parser.add_argument("inputs", nargs="*", metavar="PATH|URL",
                        help="Markdown files or directories, built site directories, http(s) URLs (default: docs/ and site/)")
    parser.add_argument("--offline", action="store_true", help="check internal links and #fragments only")
    parser.add_argument("--format", choices=report.FORMATS, default="text")
    parser.add_argument("--config", type=Path, default=ROOT / "pyproject.toml",
                        help="the pyproject.toml whose [tool.check-links] table to read")
    parser.add_argument("--cache-dir", type=Path, help="where the ok cache and the history live (default from config)")
    parser.add_argument("--no-cache", action="store_true", help="neither read nor write the cache and the history")
    return parser


def run(args: argparse.Namespace, step: list[str]) -> int:
    """Check and report; `step` names the step under way, for the message when one fails."""
    step[0] = "reading the input"
    try:
        settings = load_settings(args.config)
        inputs = classify_inputs(args.inputs) if args.inputs else default_inputs(Path.cwd())
        found = check_internal(inputs)
    except (InputError, ConfigError, OSError, UnicodeDecodeError, ValueError) as exc:
        print(f"make links: {exc}", file=sys.stderr)
        return 2
    results = list(found.internal.values())
    if not args.offline:
        step[0] = "checking the remote links"
        cache_dir = None if args.no_cache else (args.cache_dir or Path.cwd() / settings.cache_dir)
        links = found.external + [Link(u, COMMAND_LINE) for u in inputs.urls]
        results += check_external(links, settings, cache_dir, time.time())
    step[0] = "writing the report"
    sys.stdout.write(report.render(results, args.format))
    return 1 if any(r.verdict == BROKEN for r in results) else 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return 0 if exc.code == 0 else 2
    step = ["starting"]
    try:
        return run(args, step)
    except Exception as exc:  # noqa: BLE001 - any fault of the checker itself is exit 2, never 1 (= broken links)
        what = " ".join(f"{type(exc).__name__}: {exc}".split())
        print(f"make links: failed while {step[0]} ({what}); this says nothing about the links", file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
