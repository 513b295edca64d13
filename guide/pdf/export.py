"""Export the built site to print: per language a guide PDF and a one-page checklist PDF, in site/downloads/.

Reads only the built site (`make build` builds it first). Exit codes: 0 all written, 1 a problem (a needed font or
library is missing, a PDF is too large or not one page), 2 used wrongly (no built site).
"""
from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import logging
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from guide.pdf import fonts
from guide.pdf.compose import DocInfo, checklist_document, guide_document
from guide.pdf.site_pages import CHECKLIST, current_slug, guide_pages, page_path, read_page
from guide.sources import site_config
from guide.sources.errors import SourceError
from guide.sources.site_address import HOW_TO_SET, public_address
from guide.sources.site_config import Language

try:
    from guide.pdf.render import Rendered, render_pdf
except OSError as exc:  # WeasyPrint loads Pango and HarfBuzz when imported: a traceback would not say what to do
    print(f"make pdf: WeasyPrint cannot load a library it needs ({exc}): install the Debian packages"
          " libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b (scripts/setup.sh site installs them)", file=sys.stderr)
    raise SystemExit(1) from None

MAX_GUIDE_BYTES = 1_500_000  # e-mail attachments: the office asked for at most 1.5 MB per guide
STYLESHEETS = ("assets/stylesheets/print.css", "assets/stylesheets/pdf.css")  # as published in the built site


def version_date(git_date: str, today: dt.date) -> str:
    """The guide's version: the date of the last commit that changed docs/ or includes/ (git's output), else today."""
    try:
        return dt.date.fromisoformat(git_date.strip()).isoformat()
    except ValueError:
        return today.isoformat()


def site_root(home_canonical: str, language: Language) -> str:
    return home_canonical.removesuffix(language.folder)


def size_problems(results: list[Rendered], max_guide: int) -> list[str]:
    problems = []
    for r in results:
        if r.path.name.startswith("chsi-guide-") and r.size > max_guide:
            problems.append(f"{r.path}: {r.size / 1e6:.2f} MB, more than the {max_guide / 1e6:.1f} MB limit")
        if r.path.name.startswith("chsi-checklist-") and r.pages != 1:
            problems.append(f"{r.path}: {r.pages} pages, the checklist must fit one A4 page")
    return problems


def export_language(site: Path, language: Language, version: str, named: frozenset[str]) -> list[Rendered]:
    """Both PDFs of one language, in a worker process."""
    # Material-style CSS yields hundreds of harmless 'unsupported property' warnings: keep errors only.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    pages = guide_pages(site, language)
    home = pages[0]
    # Only a public address is printed (guide/sources/site_address.py): without one, no address, no QR code, and
    # links to pages outside the PDF print as plain text.
    root = public_address(site_root(home.canonical, language)) or ""
    # The build wrote the QR code of this language's guide (guide/outputs/qr_codes.py); the cover shows the same one.
    svg = (site / "downloads" / f"qr-guide-{language.code}.svg").read_text(encoding="utf-8") if root else ""
    info = DocInfo(lang=home.lang, title=home.title, author=home.author, description=home.description,
                   institution=home.copyright, version_date=version, online_url=home.canonical if root else "",
                   qr_svg=svg)
    sheets = [site / s for s in STYLESHEETS]
    # The fixed names that e-mails and every page link to.
    results = [render_pdf(guide_document(pages, language, info, root), site, sheets,
                          site / "downloads" / f"chsi-guide-{language.code}.pdf", named)]
    checklist = read_page(site, language, current_slug(site, language, CHECKLIST))
    checklist_info = dataclasses.replace(info, title=f"{checklist.title} · {home.title}")
    results.append(render_pdf(checklist_document(checklist, language, checklist_info, root), site, sheets,
                              site / "downloads" / f"chsi-checklist-{language.code}.pdf", named))
    return results


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site-dir", type=Path, default=Path("site"), help="the built site (default: site/)")
    site: Path = parser.parse_args(argv).site_dir
    try:
        languages = site_config.read(Path.cwd()).languages
    except SourceError as err:
        print(f"export_pdf: {err}", file=sys.stderr)
        return 2
    needed = [page_path(site, lang, "") for lang in languages] + [site / s for s in STYLESHEETS]
    absent = [str(p) for p in needed if not p.is_file()]
    if absent:
        print(f"make pdf: not a built site ({', '.join(absent)} missing): run `make build` first",
              file=sys.stderr)
        return 2
    missing = [need for need in fonts.NEEDED if not fonts.fc_list_has(need[0])]
    if missing:
        for line in fonts.describe_missing(missing, have_fc_list=shutil.which("fc-list") is not None):
            print(f"make pdf: {line}", file=sys.stderr)
        return 1
    # The families the stylesheets ask for must be installed: WeasyPrint would substitute another face silently.
    named = [n for sheet in STYLESHEETS for n in fonts.stylesheet_families(site / sheet, f"docs/{sheet}")]
    not_installed = [(where, family) for where, family in named if not fonts.fc_list_has(family)]
    if not_installed:
        for where, family in not_installed:
            print(f"make pdf: {where}: font-family '{family}' is not installed, so WeasyPrint would set the text in "
                  "another face: correct the name (fc-list : family lists the installed ones) or install its package",
                  file=sys.stderr)
        print("make pdf: no PDF written", file=sys.stderr)
        return 1
    families = frozenset(family for _where, family in named)
    if not fonts.has_harfbuzz_subset():
        print("make pdf: note: libharfbuzz-subset0 is not installed; fonts are subset in Python (much slower)",
              file=sys.stderr)
    git = subprocess.run(["git", "log", "-1", "--format=%cs", "--", "docs", "includes"], capture_output=True,
                         text=True, check=False) if shutil.which("git") else None
    version = version_date(git.stdout if git and git.returncode == 0 else "", dt.date.today())
    home = read_page(site, languages[0], "")
    if not public_address(home.canonical):
        print("make pdf: the site was built without its public address: the PDFs print no address and no QR code"
              f" (for printing or e-mailing, build with it: {HOW_TO_SET})", file=sys.stderr)
    started = time.perf_counter()
    results: list[Rendered] = []
    # One process per language: WeasyPrint lays out on one core, and each language's two PDFs are independent.
    with ProcessPoolExecutor(max_workers=max(1, min(len(languages), os.cpu_count() or 1))) as pool:
        futures = [pool.submit(export_language, site, language, version, families) for language in languages]
        for future in futures:
            try:
                rendered = future.result()
            except fonts.FallbackFont as err:
                print(f"make pdf: {err}", file=sys.stderr)
                return 1
            results += rendered
            for r in rendered:
                print(f"{os.path.relpath(r.path)}  {r.pages} page{'s' if r.pages != 1 else ''}  {r.size / 1024:.0f} KB")
    problems = size_problems(results, MAX_GUIDE_BYTES)
    for problem in problems:
        print(f"make pdf: {problem}", file=sys.stderr)
    print(f"{len(results)} PDFs in {time.perf_counter() - started:.1f} s (version {version})"
          + (f", {len(problems)} problem{'s' if len(problems) != 1 else ''}" if problems else ""))
    return 1 if problems else 0
