"""make check's rendered stage: the rules that need the pages as a phone shows them. The real site is built into
.cache/check-site/ (never site/) only when a source changed, and the results kept with the sources' fingerprint, so a
check with nothing changed reprints them in a moment.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from guide.checks import phone_pages, published, search_ranking
from guide.sources import site_config
from guide.sources.errors import SourceError

CACHE = Path(".cache") / "check-site"
SOURCES = ("docs", "includes", "overrides", "guide", "mkdocs.yml", "redirects.yml", "published-links.yml")
BUILDING = "building the pages to measure them (sources changed)"
# The export's own lines (guide/pdf/export.py size_problems), and which page each PDF is made from.
CHECKLIST = re.compile(r"chsi-checklist-(?P<lang>\w+)\.pdf: (?P<pages>\d+) pages")
GUIDE = re.compile(r"chsi-guide-(?P<lang>\w+)\.pdf: (?P<size>[\d.]+ MB), more than the (?P<limit>[\d.]+ MB) limit")


def fingerprint(root: Path) -> str:
    """One hash of every file the built site depends on: its name and its bytes."""
    digest = hashlib.sha256()
    for name in SOURCES:
        path = root / name
        files = [path] if path.is_file() else sorted(
            p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.relative_to(root).parts
            and p.suffix != ".pyc") if path.is_dir() else []
        for file in files:
            digest.update(file.relative_to(root).as_posix().encode() + b"\0")
            digest.update(hashlib.sha256(file.read_bytes()).digest())
    return digest.hexdigest()


def build_lines(output: str, root: Path) -> list[str]:
    """What a failed build said, without its progress lines: the warnings and errors, as MkDocs wrote them."""
    keep, aborted = [], []
    for line in output.splitlines():
        text = line.strip()
        if not text or text.startswith(("INFO", "DEBUG", "Building prefix dict", "Loading model", "Prefix dict",
                                        "Dumping model")):
            continue
        text = text.replace(f"{root.resolve()}/", "").replace(f"{root}/", "")
        (aborted if text.startswith("Aborted with") else keep).append(text)
    return keep or aborted or ["the build failed without saying why: run `make build` to see its whole output"]


def build(root: Path, site: Path) -> list[str]:
    """Build the real site strictly into site; [] when it was built, else the build's own lines."""
    env = {key: value for key, value in os.environ.items() if key != "SITE_URL"}  # the default address
    env["NO_MKDOCS_2_WARNING"] = "1"
    new = site.with_name(site.name + ".new")
    shutil.rmtree(new, ignore_errors=True)
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "--site-dir", str(new)],
                          cwd=root, env=env, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        shutil.rmtree(new, ignore_errors=True)
        return build_lines(proc.stderr + "\n" + proc.stdout, root)
    shutil.rmtree(site, ignore_errors=True)
    new.rename(site)
    return []


def paper_problems(root: Path, site: Path) -> list[str]:
    """The PDFs exported as make build does, whose refusals (a checklist over one A4 page, a guide PDF too large to
    e-mail) make check names with the page to shorten."""
    proc = subprocess.run([sys.executable, "-m", "guide.pdf", "--site-dir", str(site)], cwd=root,
                          capture_output=True, text=True, check=False)
    if proc.returncode == 0:
        return []
    problems = []
    for line in proc.stderr.splitlines():
        if not line.startswith("make pdf: ") or line.startswith("make pdf: note:"):
            continue
        text = line.removeprefix("make pdf: ")
        if match := CHECKLIST.search(text):
            problems.append(f"docs/checklist.{match['lang']}.md: printed, the checklist takes {match['pages']} A4 "
                            "pages; it must fit one: shorten it (the PDF is chsi-checklist-"
                            f"{match['lang']}.pdf)")
        elif match := GUIDE.search(text):
            problems.append(f"the {match['lang']} guide PDF is {match['size']}, more than the {match['limit']} an "
                            "e-mail can carry: make a picture smaller or cut pages' words")
        elif "the site was built without its public address" not in text:
            problems.append(f"the PDF export: {text}")
    said = (proc.stderr or proc.stdout).strip().splitlines()
    return problems or [f"the PDF export failed: {said[-1] if said else 'without saying why'}: run make build to see it"]


def measure_with_notes(root: Path, site: Path) -> tuple[list[str], list[str]]:
    """Every rendered rule over a built site: (problems, notes to print before them)."""
    try:
        roots = site_config.read(root, env={}).roots
    except SourceError as err:
        return [str(err)], []
    try:
        measured = phone_pages.measure(site, phone_pages.pages(root, roots))
        searched, notes = search_ranking.search_lines(root, site, roots)
    except phone_pages.BrowserUnavailable as err:
        return [f"pages not measured: {err}"], []
    return (phone_pages.height_problems(measured) + phone_pages.width_problems(measured)
            + published.dead_problems(root, site) + paper_problems(root, site) + searched), notes


def run(root: Path, say: Callable[[str], object] = print) -> tuple[list[str], list[str]]:
    """(problems, notes: the search's misses) of the rendered rules, built and measured only when a source changed."""
    cache = root / CACHE
    state_file, site = cache / "state.json", cache / "site"
    wanted = fingerprint(root)
    try:
        state = json.loads(state_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        state = None
    if (isinstance(state, dict) and state.get("sources") == wanted and (site / "index.html").is_file()
            and isinstance(state.get("problems"), list) and isinstance(state.get("notes"), list)):
        return state["problems"], state["notes"]
    cache.mkdir(parents=True, exist_ok=True)
    state_file.unlink(missing_ok=True)  # a check stopped half-way leaves no stale results behind
    say(BUILDING)
    failed = build(root, site)
    if failed:
        say("the build failed; what it said:")
        return failed, []
    problems, notes = measure_with_notes(root, site)
    if not any(problem.startswith("pages not measured") for problem in problems):
        state_file.write_text(json.dumps({"sources": wanted, "problems": problems, "notes": notes},
                                         ensure_ascii=False), encoding="utf-8")
    return problems, notes
