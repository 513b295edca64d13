#!/usr/bin/env python3
"""The pull request's summary, in Markdown, for whoever edited a page in the repository host's web editor.

    scripts/pr_summary.py checks [--root DIR] [--annotations FILE]
    scripts/pr_summary.py preview --build success|failure|skipped [--artifact-url URL]

`checks` prints make check's own lines (the same stage functions), --annotations writes each as an ::error
workflow command beside its line under "Files changed"; `preview` says how to open the built site and PDFs, or why
there are none. Exit 0 all is well, 1 something to fix (or no build), 2 wrong usage or a check that could not run.
"""
from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the checks of guide/, when run as scripts/pr_summary.py from any folder


# "docs/contact.en.md:13: what to do", "docs/faq.en.md: what to do" or a line that names no file.
WHERE = re.compile(r"^(?P<file>[^\s:]+\.(?:md|yml))(?::(?P<line>\d+))?: (?P<what>.+)$")
MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")  # what GitHub would read as markup inside a line
PREVIEW_NAME = "preview"


@dataclass
class CheckResult:
    title: str
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    broken: str = ""  # the check itself could not run: why


# make check's stages the summary runs (guide/checks/__main__.py), by title. They are imported where they run:
# `preview` needs none of them, so the workflow can still say why there is no preview when the set-up (which
# installs what they import) failed.
CHECKS = (("What the build refuses", "content"), ("Both languages say the same", "parity"),
          ("Spelling, typography and Markdown", "copy"), ("Word budgets", "budgets"),
          ("Words kept off the pages, search queries, the e-mail's items, Next: lines, published links", "rules"))


def run_checks(root: Path) -> list[CheckResult]:
    from guide.checks import __main__ as make_check

    results = []
    for title, name in CHECKS:
        result = CheckResult(title)
        try:
            stage = getattr(make_check, f"{name}_stage")(root)
        except Exception as err:  # noqa: BLE001 - the summary must still reach the editor, naming what broke
            result.broken = f"{type(err).__name__}: {err}"
        else:  # a stage prints its warnings (and tables) before its problems
            result.problems, result.warnings = stage.problems, [w for w in stage.before if ": warning: " in w]
        results.append(result)
    return results


def item(problem: str) -> str:
    """A problem as a list item whose text Markdown shows as written ({{ hotline-en }}, **立即注册**, [words][name])."""
    match = WHERE.match(problem)
    where = f"`{match['file']}{':' + match['line'] if match['line'] else ''}`: " if match else ""
    return "- " + where + MARKDOWN_SPECIAL.sub(r"\\\1", match["what"] if match else problem)


def checks_markdown(results: list[CheckResult]) -> str:
    problems = sum(len(r.problems) for r in results)
    broken = [r for r in results if r.broken]
    lines = ["## Checks of the pages", ""]
    if not problems and not broken:
        lines += [("**All is well: no problem found.** The pages, the facts and the menu pass every check of "
                   "`make check`. The preview of the site and the PDFs is on this page too, under the job preview."), ""]
    if problems:
        lines += [(f"**{problems} problem(s) to fix.** Open each file named below at its line (under "
                   "Files changed, a problem on a line you changed is also shown beside it), change what the message "
                   "says, and commit to the same branch: these checks run again by themselves."), ""]
    for result in broken:
        lines += [(f"**A check could not run: {result.title}.** This is not your mistake to find: ask a "
                   f"developer, with this line: `{result.broken}`"), ""]
    for result in results:
        if result.problems:
            lines += [f"### {result.title}", "", *map(item, result.problems), ""]
    warnings = [w for r in results for w in r.warnings]
    if warnings:
        lines += ["### Worth a look (not a failure)", "", *map(item, warnings), ""]
    lines += ["On a computer with the guide set up, `make check` prints the same lines.", ""]
    return "\n".join(lines)


def annotations(results: list[CheckResult]) -> str:
    """One ::error workflow command per problem: GitHub shows it beside the line in the pull request."""
    def escaped(text: str, *more: str) -> str:  # GitHub's escapes for a command's message, and for its properties
        for char in ("%", "\r", "\n", *more):
            text = text.replace(char, f"%{ord(char):02X}")
        return text

    out = ""
    for problem in (p for r in results for p in r.problems):
        match = WHERE.match(problem)
        where = f"file={escaped(match['file'], ':', ',')}," if match else ""
        where += f"line={match['line']}," if match and match["line"] else ""
        out += f"::error {where}title=make check::{escaped(problem)}\n"
    return out


def preview_markdown(build: str, artifact_url: str = "", pdfs: Sequence[str] = ()) -> str:
    lines = ["## Preview of the site and the PDFs", ""]
    if build != "success":
        lines += [("**There is no preview: the site could not be built.** If the checks of the pages (on this page "
                   "too) name a problem, fix it first: the build stops at the same mistakes. If they name none, open this run's step "
                   "\"build the site and the PDFs\" and ask a developer, with its last lines."), ""]
        return "\n".join(lines)
    link = f"[download `{PREVIEW_NAME}`]({artifact_url})" if artifact_url else \
        f"download `{PREVIEW_NAME}` under **Artifacts** at the foot of this run's page"
    lines += [
        f"The site and the PDFs as they would be published with this change: {link} (a zip file; sign in first).",
        "",
        "1. Unzip it.",
        "2. **The PDFs** open directly: " + (", ".join(f"`{pdf}`" for pdf in pdfs) or "the build wrote none") + ".",
        ("3. **The pages** need a small web server: in the unzipped folder, run `python3 -m http.server 8000` "
         "(on Windows: `py -m http.server 8000`), then open http://127.0.0.1:8000/ (English: "
         "http://127.0.0.1:8000/en/); Ctrl-C stops it. Opened by double-clicking `index.html`, the pages do not "
         "work: each link opens a folder, and a browser in English is sent to a page that does not exist."),
        "",
    ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parts = parser.add_subparsers(dest="part", required=True)
    checks = parts.add_parser("checks", help="run make check's checks and summarise them")
    checks.add_argument("--root", type=Path, default=ROOT, help="the project to check (default: this one)")
    checks.add_argument("--annotations", type=Path, help="also write ::error workflow commands to this file")
    preview = parts.add_parser("preview", help="say where the preview is and how to open it")
    preview.add_argument("--build", choices=["success", "failure", "skipped", "cancelled"], required=True,
                         help="the outcome of the build step")
    preview.add_argument("--artifact-url", default="", help="the address of the uploaded preview")
    preview.add_argument("--site", type=Path, default=ROOT / "site", help="the built site, for its PDFs (site/)")
    args = parser.parse_args(argv)
    if args.part == "preview":
        pdfs = sorted(p.relative_to(args.site).as_posix() for p in args.site.rglob("*.pdf")) if args.site.is_dir() else []
        print(preview_markdown(args.build, args.artifact_url, pdfs), end="")
        return 0 if args.build == "success" else 1
    if not (args.root / "mkdocs.yml").is_file():
        print(f"pr_summary: {args.root} has no mkdocs.yml", file=sys.stderr)
        return 2
    results = run_checks(args.root)
    print(checks_markdown(results), end="")
    if args.annotations:
        args.annotations.write_text(annotations(results), encoding="utf-8")
    if any(r.broken for r in results):
        return 2
    return 1 if any(r.problems for r in results) else 0


if __name__ == "__main__":
    raise SystemExit(main())
