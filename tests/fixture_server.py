#!/usr/bin/env python3
"""Serve the link checker's misbehaving test cases on 127.0.0.1, to try the checker by hand (README examples).

    .venv/bin/python tests/fixture_server.py --port 8765 &
    .venv/bin/python -m guide.linkcheck http://127.0.0.1:8765/soft-404

Lists each case's address and the verdict a correct checker gives, then serves until interrupted (Ctrl-C).
Exit 0 after an interrupt, 2 when the port is taken.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import threading
from collections.abc import Sequence
from pathlib import Path

from link_fixture import CASES, start_cases


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8765, help="the port on 127.0.0.1 (default: %(default)s)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as work:
        try:
            servers = start_cases(Path(work), port=args.port)
        except OSError as err:
            print(f"fixture_server: cannot listen on 127.0.0.1:{args.port}: {err.strerror}", file=sys.stderr)
            return 2
        for case in CASES:
            url = servers.url(case)
            if url:
                print(f"{case.expected:<12}{url}  ({case.what})")
        print(f"serving on {servers.base}/ until Ctrl-C", flush=True)
        try:
            threading.Event().wait()
        except KeyboardInterrupt:
            pass
        finally:
            servers.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
