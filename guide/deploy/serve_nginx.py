#!/usr/bin/env python3
"""Serve the built site/ with Debian's nginx and the configuration in deploy/: what production sends, on this machine.

nginx runs as the current user from a temporary folder (removed at the end), in the foreground, with the access
log on the terminal; Ctrl+C stops it. The site is served under the path of SITE_URL, as it was built.

usage: python -m guide.deploy.serve_nginx [--host 127.0.0.1] [--port 8000] [--site site]
Exit status: 0 stopped by Ctrl+C, 1 nginx would not start (a port in use), 2 no built site or no nginx.
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from guide.deploy import headers_snippet as security_headers
from guide.deploy import nginx_conf

ROOT = Path(__file__).resolve().parents[2]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="the built site (default: site)")
    args = parser.parse_args(argv)
    site: Path = args.site.resolve()
    if not (site / "index.html").is_file() or not (site / "_headers").is_file():
        print(f"serve_nginx: no built site in {site}: run `make build` first", file=sys.stderr)
        return 2
    if not Path(nginx_conf.NGINX).exists():
        print(f"serve_nginx: {nginx_conf.NGINX} is missing: run `make serve-nginx` (it installs Debian's nginx)",
              file=sys.stderr)
        return 2
    guide_path = nginx_conf.guide_path(os.environ.get("SITE_URL", ""))
    prefix = Path(tempfile.mkdtemp(prefix="chsi-guide-nginx-"))
    try:
        web_root = site
        if guide_path != "/":
            # The site answers under the path it was built for: a folder of that name in a web root of its own.
            web_root = prefix / "www"
            (web_root / guide_path.strip("/")).parent.mkdir(parents=True, exist_ok=True)
            (web_root / guide_path.strip("/")).symlink_to(site, target_is_directory=True)
        values = {"GUIDE_PATH": guide_path, "WEB_ROOT": str(web_root), "SERVER_NAME": args.host,
                  "LISTEN": f"{args.host}:{args.port}", "LISTEN_TLS": "-", "TLS_CERTIFICATE": "-", "TLS_KEY": "-"}
        main_file = nginx_conf.prepare(prefix, values, headers_snippet=security_headers.nginx_snippet(site),
                                       access_log="/dev/stdout")
        running = nginx_conf.start(main_file, prefix, [(args.host, args.port)], stderr=sys.stderr)
        print(f"serve_nginx: serving {site} with nginx at http://{args.host}:{args.port}{guide_path} "
              f"(configuration in {prefix / 'conf'}; Ctrl+C stops)", flush=True)
        try:
            running.process.wait()
        except KeyboardInterrupt:
            running.stop()
            return 0
        print(f"serve_nginx: nginx stopped (exit {running.process.returncode})", file=sys.stderr)
        return 1
    except nginx_conf.ConfError as e:
        print(f"serve_nginx: {e}", file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(prefix, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
