"""Build the whole site (both languages, then its PDFs) into a temporary folder; replace site/ only on success.

A failed `mkdocs build` or PDF export used to leave half a site in site/ that looked publishable. Now every
step writes to site.tmp-XXXX next to site/; only when all of them succeeded does it take site/'s place. On
failure the temporary folder is removed and the previous site/ stays as it was.

usage: python -m guide.outputs.build [--site-dir site]
"""
from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
from guide.sources.site_address import HOW_TO_SET, public_address

CANONICAL = re.compile(r'<link rel="canonical" href="([^"]*)"')


def default_steps(out: Path) -> list[list[str]]:
    """The commands that together write a complete site to `out`."""
    return [
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "--site-dir", str(out)],
        [sys.executable, "-m", "guide.pdf", "--site-dir", str(out)],
    ]


def address_report(site: Path) -> list[str]:
    """What a build without a public address left out, read from the built home page; nothing when it had one."""
    home = site / "index.html"
    match = CANONICAL.search(home.read_text(encoding="utf-8")) if home.is_file() else None
    if match and public_address(match.group(1)):
        return []
    given = f" ({match.group(1)} is this computer's own address)" if match else ""
    return [
        f"No public address was set{given}: this site is for preview only.",
        "  Not made: QR codes (checklist pages, PDF covers), sitemap.xml, e-mail kit.",
        ("  Made without an address: the PDFs (no printed address or QR code); pages (no canonical link, relative"
         " language links)."),
        f"  To print, e-mail or publish, build with the address: {HOW_TO_SET}",
    ]


def build(site_dir: Path, steps=default_steps, cwd: Path = ROOT) -> int:
    """Run every step into a temporary folder, then move it to `site_dir`. The exit code of the first failure."""
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    out = Path(tempfile.mkdtemp(prefix=f"{site_dir.name}.tmp-", dir=site_dir.parent))
    try:
        for command in steps(out):
            code = subprocess.run(command, cwd=cwd, check=False).returncode
            if code != 0:
                step = "mkdocs build" if "mkdocs" in command else Path(command[-3 if len(command) > 2 else 0]).name
                print(f"build failed ({step} exited {code}): "
                      f"{site_dir.name}/ is unchanged; fix the problem above and run make build again",
                      file=sys.stderr)
                return code
        out.chmod(0o755)  # mkdtemp makes it private; the site is to be served
        old = None
        if site_dir.exists():
            old = Path(tempfile.mkdtemp(prefix=f"{site_dir.name}.old-", dir=site_dir.parent))
            site_dir.rename(old / site_dir.name)
        out.rename(site_dir)
        if old:
            shutil.rmtree(old, ignore_errors=True)
        for line in address_report(site_dir):
            print(line)
        return 0
    finally:
        if out.exists():
            shutil.rmtree(out, ignore_errors=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site", help="where the site goes (default: site/)")
    return build(parser.parse_args(argv).site_dir)


if __name__ == "__main__":
    sys.exit(main())
