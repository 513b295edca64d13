"""`python -m guide.outputs [STEP ...]`: run output steps alone on a site already built (make build), in order.

The address comes from SITE_URL, as for the build. Exit 0 when every step ran, 1 when one refused, 2 on wrong usage.
"""
from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from guide.outputs.built_site import from_project
from guide.outputs.steps import STEPS, run_steps
from guide.sources.errors import SourceError


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m guide.outputs", description=__doc__.split("\n")[0])
    parser.add_argument("steps", nargs="*", metavar="STEP",
                        help=f"which steps to run (default: all): {', '.join(STEPS)}")
    parser.add_argument("--site", type=Path, default=Path("site"), help="the built site (default: site/)")
    args = parser.parse_args(argv)
    unknown = [name for name in args.steps if name not in STEPS]
    if unknown:
        parser.error(f"no step {unknown[0]!r}: the steps are {', '.join(STEPS)}")
    if not (args.site / "index.html").is_file():
        print(f"outputs: {args.site} holds no built site: run `make build` first", file=sys.stderr)
        return 2
    try:
        run_steps(from_project(args.site, Path.cwd()), args.steps or None)
    except SourceError as err:  # a step's refusal, or a mkdocs.yml it cannot read
        print(err, file=sys.stderr)
        return 1
    print(f"outputs: {', '.join(args.steps or STEPS)} written in {args.site}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
