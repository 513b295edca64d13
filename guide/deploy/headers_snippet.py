#!/usr/bin/env python3
"""Write deploy/nginx-security-headers.conf from the `_headers` file of the built site/ (make headers).

The committed snippet is the root build's; a sub-path build's 404 script names its path, so `make dist` packs that
build's own snippet. Exit status: 0 written, 2 no built site.
"""
from __future__ import annotations

import argparse
import os
from collections.abc import Sequence
from pathlib import Path

from guide.outputs import security_headers

ROOT = Path(__file__).resolve().parents[2]
SNIPPET = ROOT / "deploy" / "nginx-security-headers.conf"


def nginx_snippet(site: Path) -> str:
    return security_headers.render_nginx(
        security_headers.parse_headers_file((site / "_headers").read_text(encoding="utf-8")))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", required=True, help="write the snippet")
    parser.parse_args(argv)
    site = ROOT / "site"
    if not (site / "_headers").is_file():
        print(f"security_headers: no {site}/_headers: run `make build` first")
        return 2
    # A temporary file renamed into place: an interrupted write never leaves half a snippet to be deployed.
    tmp = SNIPPET.with_name(f".{SNIPPET.name}.tmp")
    tmp.write_text(nginx_snippet(site), encoding="utf-8")
    os.replace(tmp, SNIPPET)
    print(f"security_headers: wrote {SNIPPET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
