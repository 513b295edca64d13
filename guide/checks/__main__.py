"""`python -m guide.checks` (make check): every rule about the content; exit 1 when a problem is found."""
from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import sys
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from guide.checks import (
    budgets,
    content,
    copy_lint,
    guard_words,
    item_lists,
    next_step,
    parity,
    published,
    rendered,
    review_dates,
    search_queries,
)
from guide.pictures import check as pictures
from guide.pictures import ocr as shot_ocr
from guide.sources import checked as checked_module
from guide.sources import site_config
from guide.sources.errors import SourceError


@dataclass
class Stage:
    problems: list[str]
    summary: str
    before: list[str] = field(default_factory=list)  # printed before the problems: tables, warnings, notes


def content_stage(root: Path) -> Stage:
    problems = content.content_problems(root)
    return Stage(problems, f"content: {len(problems)} problem(s)")


def parity_stage(root: Path) -> Stage:
    try:
        problems, warnings, summary = parity.check_project(root)
    except SourceError as err:
        return Stage([f"parity: {err}"], "parity: not checked")
    return Stage(problems, summary, warnings)


def copy_stage(root: Path) -> Stage:
    try:
        pages, found = copy_lint.lint_project(root)
    except (ValueError, SourceError) as err:
        return Stage([f"copy: {str(err).replace(f'{root.resolve()}/', '')}"], "copy: not checked")
    return Stage([f"{path}:{line}: {message} [{tool}]" for path, line, tool, message in found],
                 f"copy: {len(pages)} pages: {len(found)} findings")


def budgets_stage(root: Path) -> Stage:
    with contextlib.chdir(root):  # the pages named from the project (docs/...), wherever it is
        table, problems = budgets.check(Path("docs"))
    return Stage(problems, f"budgets: {len(problems)} problem(s)", table)


def pictures_stage(root: Path) -> Stage:
    try:
        problems = pictures.tracking_problems(root)
        checked = pictures.pictures(root)
        problems += pictures.ocr_problems(root, [p for p in checked if not p.startswith(pictures.ORIGINALS)])
        # As `make shots` judges them: each published picture is what its spec renders, and each page's legend
        # matches its picture's markers (one verdict: make check never passes what make shots refuses).
        judged, notes = pictures.shots_findings(root)
    except (pictures.NotARepository, shot_ocr.OcrUnavailable) as err:
        return Stage([f"pictures: {err}"], "pictures: not checked")
    problems += judged
    return Stage(problems, f"pictures: {len(checked)} checked (read by OCR), {len(problems)} problem(s)", notes)


def rules_stage(root: Path) -> Stage:
    try:
        languages = site_config.read(root).codes
    except SourceError:  # the content stage names what is wrong with mkdocs.yml
        languages = []
    problems = (guard_words.guard_problems(root) + search_queries.query_problems(root, languages)
                + item_lists.list_problems(root) + next_step.next_problems(root) + published.listed_problems(root))
    return Stage(problems, f"rules: {len(problems)} problem(s) (words kept off the pages, search queries, the "
                           "e-mail's items, Next: lines, published links)")


def review_stage(root: Path) -> Stage:
    """A date is not a mistake: the pages due a check against CHSI are warnings, never problems."""
    try:
        due = review_dates.due_pages(checked_module.load_checked(root), dt.date.today())
    except SourceError:  # the content stage prints each of its lines
        return Stage([], f"review dates: not read: fix {checked_module.CHECKED_FILE} first (its lines are above)")
    lines = review_dates.warning_lines(due)
    return Stage([], lines[-1], lines[:-1])


def rendered_stage(root: Path, say: Callable[[str], object] = print) -> Stage:
    problems, notes = rendered.run(root, say=say)
    return Stage(problems, f"rendered: {len(problems)} problem(s) (each page on a phone: height and width; published "
                           "addresses in the built site; the PDFs; the search queries in Chromium)", notes)


STATIC: tuple[Callable[[Path], Stage], ...] = (content_stage, parity_stage, copy_stage, budgets_stage,
                                               pictures_stage, rules_stage, review_stage)


def name_of(stage: Callable[..., Stage]) -> str:
    return stage.__name__.removesuffix("_stage")


STAGES = (*map(name_of, STATIC), "rendered")  # what --only takes


def run(root: Path, out: Callable[[str], object] = print, only: Collection[str] = ()) -> int:
    """Run every stage over root (or those named in only), print what they found, each problem once; the count."""
    printed: set[str] = set()

    def chosen(name: str) -> bool:
        return not only or name in only

    def show(stage: Stage) -> None:
        for line in stage.before:
            out(line)
        for problem in stage.problems:
            if problem not in printed:
                printed.add(problem)
                out(problem)
        out(stage.summary)

    def guarded(stage: Callable[..., Stage], *args: object) -> Stage:
        """A stage that stops on a mistake in this code says so in one line, and the other stages still run."""
        try:
            return stage(root, *args)
        except Exception as err:  # noqa: BLE001 - a reader of make check gets one line, never a traceback
            name = name_of(stage)
            return Stage([(f"make check: the {name} check stopped ({type(err).__name__}: {err}): this is a fault in "
                          "the checks, not in your edit: tell a developer")], f"{name}: not checked")

    first = guarded(content_stage) if chosen("content") or chosen("rendered") else None
    if first and chosen("content"):
        show(first)
    for stage in STATIC[1:]:
        if chosen(name_of(stage)):
            show(guarded(stage))
    if first and chosen("rendered") and first.problems:
        if not chosen("content"):  # the rendered stage waits on them: name them
            show(first)
        out("rendered: not built: the build refuses the sources while the content problems above are there: fix "
            "them first")
    elif first and chosen("rendered"):
        show(guarded(rendered_stage, out))
    return len(printed)


def last_line(count: int) -> str:
    return f"make check: {count} problem(s): fix them and run make check again" if count else "make check: 0 problem(s)"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m guide.checks", description="make check: every rule about the guide's content.")
    parser.add_argument("--root", type=Path, default=Path.cwd(),
                        help="the project to check (default: the working folder, where make runs)")
    parser.add_argument("--only", action="append", choices=STAGES, metavar="STAGE",
                        help=f"run only this stage; again for more ({', '.join(STAGES)})")
    args = parser.parse_args(argv)
    count = run(args.root, only=args.only or ())
    print(last_line(count))
    return 1 if count else 0


if __name__ == "__main__":
    sys.exit(main())
