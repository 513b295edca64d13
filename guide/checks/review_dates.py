"""The pages due a check against CHSI: past their review date, or reaching it within 30 days (includes/checked.yml).

    python -m guide.checks.review_dates [--format text|markdown] [--root DIR] [--today YYYY-MM-DD]

make check prints them as warnings (a date is not a mistake: it never fails the check); the weekly links workflow
writes the markdown into its run's summary and hands it to guide/checks/review_issue.py, which keeps the one issue
"Pages to check against CHSI" up to date. Exit 0 whatever is due; 2 when includes/checked.yml cannot be read (its
problems are printed, file:line each) or on wrong usage.
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from guide.sources import checked as checked_module
from guide.sources.errors import SourceError

SOON = 30  # days before its review date that a page is listed
RECIPE = "README.md, \"Check a page against CHSI\""


@dataclass(frozen=True)
class Due:
    review: checked_module.Review
    days_left: int  # 0 or less: the review date has come

    @property
    def overdue(self) -> bool:
        return self.days_left <= 0

    def when(self) -> str:
        if self.days_left < 0:
            return f"due since {self.review.review_by.isoformat()} ({-self.days_left} days ago)"
        if self.days_left == 0:
            return f"due today ({self.review.review_by.isoformat()})"
        return f"due on {self.review.review_by.isoformat()} (in {self.days_left} days)"


def due_pages(checked: checked_module.Checked, today: dt.date, soon: int = SOON) -> list[Due]:
    """The pages whose review date has passed or comes within `soon` days, the most overdue first."""
    found = [Due(review, review.days_left(today)) for review in checked.pages.values()
             if review.days_left(today) <= soon]
    return sorted(found, key=lambda due: (due.days_left, due.review.page))


def warning_lines(due: list[Due]) -> list[str]:
    """make check's lines: one per page, then what to do."""
    lines = [f"WARNING: docs/{d.review.page}.zh.md and .en.md: checked against CHSI on {d.review.checked.isoformat()}, "
             f"{d.when()}: compare the page with CHSI, then change its line ({checked_module.CHECKED_FILE}:"
             f"{d.review.line})" for d in due]
    if lines:
        lines.append(f"review dates: {len(due)} page(s) to check against CHSI ({RECIPE}); a warning, not a problem")
    return lines


def markdown(due: list[Due], today: dt.date) -> str:
    """The run summary's and the issue's text."""
    head = "## Pages to check against CHSI\n\n"
    if not due:
        return head + f"No page is due a check against CHSI within {SOON} days of {today.isoformat()}.\n"
    rows = "\n".join(f"| `docs/{d.review.page}.zh.md`, `.en.md` | {d.review.checked.isoformat()} | {d.when()} | "
                     f"`{checked_module.CHECKED_FILE}` line {d.review.line} |" for d in due)
    return (head + f"{len(due)} page(s) past their review date or due within {SOON} days, on {today.isoformat()}:\n\n"
            "| Page | Last checked | Review | Its line |\n|---|---|---|---|\n" + rows + "\n\n"
            f"Compare each page with CHSI's real pages (its steps, the labels it quotes, its pictures, its numbers), "
            f"fix what differs, then change the page's one line in `{checked_module.CHECKED_FILE}` to the day you "
            f"compared it ({RECIPE}).\n")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--format", choices=("text", "markdown"), default="text")
    parser.add_argument("--root", type=Path, default=Path.cwd(),
                        help="the project (default: the working folder, where make runs)")
    parser.add_argument("--today", type=dt.date.fromisoformat, default=None,
                        help="the day to judge from, YYYY-MM-DD (default: today)")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    today = args.today or dt.date.today()
    try:
        checked = checked_module.load_checked(args.root, today)
    except SourceError as err:
        print(err, file=sys.stderr)
        return 2
    due = due_pages(checked, today)
    if args.format == "markdown":
        print(markdown(due, today), end="")
    else:
        print("\n".join(warning_lines(due) or [f"review dates: no page due a check against CHSI within {SOON} days"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
