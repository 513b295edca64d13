#!/usr/bin/env python3
"""Write one archive a university's IT department can deploy: the site built for SITE_URL, its nginx configuration
and a one-page INSTALL, so nobody needs Python, WeasyPrint or fonts on the web server (its layout:
records/deploy-and-hosting.md). Exit status: 0 written, 1 the build failed, 2 no usable SITE_URL.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[2]

from guide.deploy import headers_snippet as security_headers
from guide.deploy import nginx_conf
from guide.sources import site_address

TOP = "chsi-guide"
INSTALL_ROOT = "/srv"                        # where INSTALL says to unpack: /srv/chsi-guide/
WEB_ROOT = f"{INSTALL_ROOT}/{TOP}/www"
INSTALL_TEMPLATE = ROOT / "deploy" / "INSTALL.txt"
# Written by the build for other hosts or for developers, not for readers (nginx-guide.conf refuses them too).
NOT_PUBLISHED = re.compile(r"(^|/)_headers$|\.map$")
HOW_TO_SET = "set it to the address the guide will be published at, e.g.  SITE_URL=https://www.example.edu/chsi-guide/ make dist"


def published_address(site_url: str) -> str:
    """SITE_URL if a reader could reach it; ValueError saying what to write otherwise."""
    url = site_url.strip()
    parts = urlsplit(url)
    if not url:
        raise ValueError(f"SITE_URL is not set: a dist is built for one address; {HOW_TO_SET}")
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"SITE_URL '{site_url}' is not a web address (https://host/path/); {HOW_TO_SET}")
    if site_address.public_address(url) is None:  # the build's own test for an address others reach
        raise ValueError(f"SITE_URL '{site_url}' names this machine ({parts.hostname}): readers elsewhere could not "
                           f"open its links, QR codes or PDFs; {HOW_TO_SET}")
    if parts.query or parts.fragment:
        raise ValueError(f"SITE_URL '{site_url}' has a ? or # part; {HOW_TO_SET}")
    return url if url.endswith("/") else url + "/"


def commit() -> str:
    proc = subprocess.run(["git", "describe", "--always", "--dirty"], cwd=ROOT, capture_output=True, text=True, check=False)
    return proc.stdout.strip() if proc.returncode == 0 else "unknown"


def install_text(site_url: str, version: str) -> str:
    path = nginx_conf.guide_path(site_url)
    values = {"SITE_URL": site_url, "VERSION": version, "HOST": urlsplit(site_url).hostname,
              "GUIDE_PATH": path, "SITE_FOLDER": f"{WEB_ROOT}{path}".rstrip("/") + "/", "TOP": TOP,
              "INSTALL_ROOT": INSTALL_ROOT}
    return nginx_conf.fill(INSTALL_TEMPLATE.read_text(encoding="utf-8"), values)


def _owned_by_root(info: tarfile.TarInfo) -> tarfile.TarInfo:
    # Owned by root, readable by all: the web server's user must read every file, whoever unpacks the archive.
    info.uid = info.gid = 0
    info.uname = info.gname = "root"
    info.mode = 0o755 if info.isdir() else 0o644
    return info


def build_site(site: Path, site_url: str) -> int:
    env = dict(os.environ, SITE_URL=site_url)
    return subprocess.run([sys.executable, "-m", "guide.outputs.build", "--site-dir", str(site)],
                          cwd=ROOT, env=env, check=False).returncode


def make_dist(site_url: str, out_dir: Path, build: Callable[[Path, str], int] = build_site) -> Path:
    version = f"{commit()} {time.strftime('%Y-%m-%d')}"
    host = urlsplit(site_url).hostname
    out_dir.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".dist-", dir=out_dir))
    try:
        top = work / TOP
        site = top / "www" / nginx_conf.guide_path(site_url).strip("/")
        code = build(site, site_url)
        if code != 0:
            raise RuntimeError(f"the build failed (exit {code}); no archive written")
        nginx_conf.write_conf(top / "nginx", nginx_conf.address_values(site_url, WEB_ROOT),
                              headers_snippet=security_headers.nginx_snippet(site))
        for file in sorted(site.rglob("*")):
            if file.is_file() and NOT_PUBLISHED.search(file.relative_to(site).as_posix()):
                file.unlink()
        (top / "INSTALL.txt").write_text(install_text(site_url, version), encoding="utf-8")
        archive = out_dir / f"chsi-guide-{host}-{version.split()[0]}.tar.gz"
        partial = work / archive.name
        with tarfile.open(partial, "w:gz") as tar:
            tar.add(top, arcname=TOP, filter=_owned_by_root)
        os.replace(partial, archive)  # a complete archive or none
        return archive
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main(argv: Sequence[str] | None = None) -> int:
    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args(argv)  # --help; it takes no options
    try:
        site_url = published_address(os.environ.get("SITE_URL", ""))
    except ValueError as e:
        print(f"dist: {e}", file=sys.stderr)
        return 2
    try:
        archive = make_dist(site_url, ROOT / "dist")
    except (RuntimeError, nginx_conf.ConfError) as e:
        print(f"dist: {e}", file=sys.stderr)
        return 1
    shown = archive.relative_to(ROOT) if archive.is_relative_to(ROOT) else archive
    print(f"dist: wrote {shown} ({archive.stat().st_size // 1024} KB) for {site_url}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
