"""The pages due a check against CHSI (includes/checked.yml): make check's warnings (a date is not a mistake) and the
weekly workflow's summary (this command, in Markdown); exit 2 when includes/checked.yml cannot be read.
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path

from guide.sources import checked as checked_module
from guide.sources.errors import SourceError

SOON = 30  # days before its review date that a page is listed
RECIPE = "README.md, \"Check a page against CHSI\""
Due = tuple[checked_module.Review, int]  # a page and the days left to its review date (0 or less: it has come)


def due_pages(checked: checked_module.Checked, today: dt.date) -> list[Due]:
    """The pages whose review date has passed or comes within SOON days, the most overdue first."""
    found = [(review, review.days_left(today)) for review in checked.values() if review.days_left(today) <= SOON]
    return sorted(found, key=lambda due: (due[1], due[0].page))


def when(review: checked_module.Review, days_left: int) -> str:
    if days_left < 0:
        return f"due since {review.review_by.isoformat()} ({-days_left} days ago)"
    if days_left == 0:
        return f"due today ({review.review_by.isoformat()})"
    return f"due on {review.review_by.isoformat()} (in {days_left} days)"


def warning_lines(due: list[Due]) -> list[str]:
    """make check's lines: one per page, then the stage's summary (what to do)."""
    lines = [f"WARNING: docs/{r.page}.zh.md and .en.md: checked against CHSI on {r.checked.isoformat()}, "
             f"{when(r, days)}: compare the page with CHSI, then change its line ({checked_module.CHECKED_FILE}:"
             f"{r.line})" for r, days in due]
    return lines + [f"review dates: {len(due)} page(s) to check against CHSI ({RECIPE}); a warning, not a problem"
                    if due else f"review dates: no page due a check against CHSI within {SOON} days"]


def markdown(due: list[Due], today: dt.date) -> str:
    """The run summary's and the issue's text."""
    head = "## Pages to check against CHSI\n\n"
    if not due:
        return head + f"No page is due a check against CHSI within {SOON} days of {today.isoformat()}.\n"
    rows = "\n".join(f"| `docs/{r.page}.zh.md`, `.en.md` | {r.checked.isoformat()} | {when(r, days)} | "
                     f"`{checked_module.CHECKED_FILE}` line {r.line} |" for r, days in due)
    return (head + f"{len(due)} page(s) past their review date or due within {SOON} days, on {today.isoformat()}:\n\n"
            "| Page | Last checked | Review | Its line |\n|---|---|---|---|\n" + rows + "\n\n"
            f"Compare each page with CHSI's real pages (its steps, the labels it quotes, its pictures, its numbers), "
            f"fix what differs, then change the page's one line in `{checked_module.CHECKED_FILE}` to the day you "
            f"compared it ({RECIPE}).\n")


def arguments(doc: str) -> argparse.ArgumentParser:
    """The arguments both commands take: the project and the day to judge from."""
    parser = argparse.ArgumentParser(description=doc.split("\n")[0])
    parser.add_argument("--root", type=Path, default=Path.cwd(),
                        help="the project (default: the working folder, where make runs)")
    parser.add_argument("--today", type=dt.date.fromisoformat, default=dt.date.today(),
                        help="the day to judge from, YYYY-MM-DD (default: today)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = arguments(__doc__).parse_args(argv)
    try:
        due = due_pages(checked_module.load_checked(args.root, args.today), args.today)
    except SourceError as err:
        print(err, file=sys.stderr)
        return 2
    print(markdown(due, args.today), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
