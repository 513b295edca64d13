"""`python -m guide.checks` (make check): every check of the sources that needs no browser and no build.

Runs, in this order, each printing its problems (`file:line: what to do`) and a summary line: what the build
refuses (content), translation parity, copy lint, word and screen budgets, and the committed pictures (no
original screenshot, no readable personal data). Exit 0 when all pass, 1 when any found a problem.
"""
from __future__ import annotations

import sys

from guide.checks import budgets, content, copy_lint
from guide.checks.parity import cli as parity
from guide.pictures import check as pictures

CHECKS = (content.main, parity.main, copy_lint.main, budgets.main, pictures.main)


def main() -> int:
    statuses = [check([]) for check in CHECKS]
    return max(statuses)


if __name__ == "__main__":
    sys.exit(main())
