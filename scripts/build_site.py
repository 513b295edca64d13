"""Build the whole site (both languages, then its PDFs) into a temporary folder; replace site/ only on success.

A failed `mkdocs build` or PDF export used to leave half a site in site/ that looked publishable. Now every
step writes to site.tmp-XXXX next to site/; only when all of them succeeded does it take site/'s place. On
failure the temporary folder is removed and the previous site/ stays as it was.

usage: scripts/build_site.py [--site-dir site]
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def default_steps(out: Path) -> list[list[str]]:
    """The commands that together write a complete site to `out`."""
    return [
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "--site-dir", str(out)],
        [sys.executable, str(ROOT / "scripts" / "export_pdf.py"), "--site-dir", str(out)],
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
