#!/usr/bin/env python3
"""Write (or check) deploy/nginx-security-headers.conf from the `_headers` file of a built site.

The committed snippet is the root build's. Under a sub-path the 404 page's inline script names that path, so its
hash, and the policy, differ: after `SITE_URL=https://host/path/ make build`, write the snippet that build needs
with `--write --out FILE` and deploy that one.

Exit status: 0 the snippet matches (or was written), 1 it is stale (--check), 2 no built site.
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
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="the built site (default: site)")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--write", action="store_true", help="write the snippet")
    mode.add_argument("--check", action="store_true", help="exit 1 if the committed snippet differs (default)")
    parser.add_argument("--out", type=Path, default=SNIPPET, help="the snippet to write or check (default: %(default)s)")
    args = parser.parse_args(argv)
    snippet: Path = args.out
    if not (args.site / "_headers").is_file():
        print(f"security_headers: no {args.site}/_headers: run `make build` first")
        return 2
    want = nginx_snippet(args.site)
    shown = snippet.relative_to(ROOT) if snippet.is_relative_to(ROOT) else snippet
    if args.write:
        # A temporary file renamed into place: an interrupted write never leaves half a snippet to be deployed.
        tmp = snippet.with_name(f".{snippet.name}.tmp")
        tmp.write_text(want, encoding="utf-8")
        os.replace(tmp, snippet)
        print(f"security_headers: wrote {shown}")
        return 0
    if snippet.is_file() and snippet.read_text(encoding="utf-8") == want:
        print(f"security_headers: {shown} matches the build")
        return 0
    print(f"security_headers: {shown} differs from the build's headers: run `make headers`")
    return 1


if __name__ == "__main__":
    raise SystemExit(main())
