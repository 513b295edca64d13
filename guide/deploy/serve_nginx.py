#!/usr/bin/env python3
"""Serve the built site/ with Debian's nginx and the configuration in deploy/: what production sends, on this machine.

A build for a public address is never replaced by a preview (--build builds only when site/ holds no such build or
SITE_URL names another). Exit status: 0 stopped by Ctrl+C or SIGTERM, 1 nginx would not start or the build failed,
2 no built site or no nginx.
"""
from __future__ import annotations

import argparse
import os
import shutil
import signal
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from guide.deploy import headers_snippet as security_headers
from guide.deploy import nginx_conf
from guide.deploy.dist import build_site
from guide.outputs.build import built_address
from guide.sources.site_address import HOW_TO_SET, public_address

ROOT = Path(__file__).resolve().parents[2]


def is_built(site: Path) -> bool:
    return (site / "index.html").is_file() and (site / "_headers").is_file()


def plan(site: Path, site_url: str) -> tuple[bool, str]:
    """Whether site/ must be built before it is served for SITE_URL ("" when unset), and why, in words."""
    built = built_address(site) if is_built(site) else None
    published = public_address(built)
    wanted = site_url.strip()
    wanted = wanted if not wanted or wanted.endswith("/") else wanted + "/"
    name = f"{site.name}/"
    if published and wanted in ("", published):
        made = time.strftime("%Y-%m-%d %H:%M", time.localtime((site / "index.html").stat().st_mtime))
        return False, (f"{name} holds the build for {published} (made {made}): served as it is, not rebuilt "
                       f"(after an edit: SITE_URL={published} make build)")
    if wanted:
        before = f"{name} was built for {published}; " if published else ""
        return True, f"{before}building for SITE_URL={wanted} first"
    return True, (f"{name} holds no build for a public address: building a preview first (served at /; to see the "
                  f"published site as production sends it: {HOW_TO_SET}, then make serve-nginx)")


def what_is_served(site: Path) -> str:
    address = built_address(site)
    if public_address(address):
        return f"the build for {address}"
    if address:
        return f"a preview built for {address} (this computer's address: no QR codes, sitemap or e-mail kit)"
    return "a preview (built without an address: no QR codes, sitemap or e-mail kit)"


def _stop(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="the built site (default: site)")
    parser.add_argument("--build", action="store_true",
                        help="build first, unless the site holds a build for a public address (and SITE_URL names no other)")
    args = parser.parse_args(argv)
    site: Path = args.site.resolve()
    if not Path(nginx_conf.NGINX).exists():
        print(f"serve_nginx: {nginx_conf.NGINX} is missing: run `make serve-nginx` (it installs Debian's nginx)",
              file=sys.stderr)
        return 2
    if args.build:
        site_url = os.environ.get("SITE_URL", "")
        build_first, why = plan(site, site_url)
        print(f"serve_nginx: {why}", flush=True)
        if build_first and build_site(site, site_url) != 0:
            print(f"serve_nginx: the build failed (see above): {site.name}/ is unchanged and nothing is served",
                  file=sys.stderr)
            return 1
    if not is_built(site):
        print(f"serve_nginx: no built site in {site}: run `make build` first", file=sys.stderr)
        return 2
    guide_path = nginx_conf.guide_path(built_address(site) or "")
    prefix = Path(tempfile.mkdtemp(prefix="chsi-guide-nginx-"))
    try:
        web_root = site
        if guide_path != "/":
            # The site answers under the path it was built for: a folder of that name in a web root of its own.
            web_root = prefix / "www"
            (web_root / guide_path.strip("/")).parent.mkdir(parents=True, exist_ok=True)
            (web_root / guide_path.strip("/")).symlink_to(site, target_is_directory=True)
        values = nginx_conf.local_values(args.host, args.port, guide_path, web_root)
        main_file = nginx_conf.prepare(prefix, values, headers_snippet=security_headers.nginx_snippet(site),
                                       access_log="/dev/stdout")
        # Ctrl+C, or a kill from another terminal, stops nginx and removes the prefix, even when this was started in
        # the background (where a shell hands Ctrl+C down as ignored).
        signal.signal(signal.SIGINT, _stop)
        signal.signal(signal.SIGTERM, _stop)
        with nginx_conf.start(main_file, prefix, [(args.host, args.port)], stderr=sys.stderr) as process:
            print(f"serve_nginx: serving {site} ({what_is_served(site)}) with nginx and deploy/'s configuration "
                  f"(filled in at {prefix / 'conf'})", flush=True)
            print(f"serve_nginx: open http://{args.host}:{args.port}{guide_path} (Ctrl+C stops)", flush=True)
            try:
                process.wait()
            except KeyboardInterrupt:
                return 0
        print(f"serve_nginx: nginx stopped (exit {process.returncode})", file=sys.stderr)
        return 1
    except nginx_conf.ConfError as e:
        print(f"serve_nginx: {e}", file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(prefix, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
