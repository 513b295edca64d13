"""Build the whole site (both languages, its PDFs, and for a public address the e-mail kit) into a temporary
folder; replace site/ only on success.

Half a site in site/ would look publishable: every step writes to site.tmp-XXXX next to site/, which takes
site/'s place only when all of them succeeded; on failure the previous site/ stays as it was. Without a public
address (SITE_URL) the site is a preview, and the last lines say what it left out.
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

from guide.sources import site_config
from guide.sources.errors import SourceError
from guide.sources.site_address import HOW_TO_SET, public_address

CANONICAL = re.compile(r'<link rel="canonical" href="([^"]*)"')
EMAIL_KIT = Path("downloads", "email-kit")  # where the kit goes in the site (guide/outputs/email_kit.py)


def configured_address() -> str | None:
    """The public address this build is for (SITE_URL, read through mkdocs.yml as MkDocs reads it), else None.
    A mkdocs.yml that cannot be read gives None here: the MkDocs step then says what is wrong with it."""
    try:
        return public_address(site_config.read(Path.cwd()).site_url)
    except SourceError:
        return None


def default_steps(out: Path) -> list[list[str]]:
    """The commands that together write a complete site to `out`: the pages, the PDFs and, for a public address,
    the e-mail kit (it checks its links in the PDFs too, so it comes last)."""
    steps = [
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "--site-dir", str(out)],
        [sys.executable, "-m", "guide.pdf", "--site-dir", str(out)],
    ]
    if configured_address():
        steps.append([sys.executable, "-m", "guide.outputs.email_kit", "--site-dir", str(out), "--quiet"])
    return steps


def step_name(command: Sequence[str]) -> str:
    """How the build names a step in its failure line: the module after -m ("mkdocs build", "guide.pdf")."""
    if "-m" in command[:-1]:
        module = command[command.index("-m") + 1]
        return "mkdocs build" if module == "mkdocs" else module
    return Path(command[0]).name


def built_address(site: Path) -> str | None:
    """The address a built site was made for, as its home page's canonical link names it; None for a build
    without an address (a preview: MkDocs writes no canonical link then) or no build at all."""
    home = site / "index.html"
    match = CANONICAL.search(home.read_text(encoding="utf-8")) if home.is_file() else None
    return match.group(1) if match else None


def address_report(site: Path) -> list[str]:
    """What a build for a public address wrote (each group only when it is there), or what a build without one left
    out, read from the built site."""
    address = built_address(site)
    if not public_address(address):
        given = f" ({address} is this computer's own address)" if address else ""
        return [
            f"No public address was set{given}: this site is for preview only.",
            "  Not made: QR codes (checklist pages, PDF covers), sitemap.xml, e-mail kit.",
            ("  Made without an address: the PDFs (no printed address or QR code); pages (no canonical link, relative"
             " language links)."),
            f"  To print, e-mail or publish, build with the address: {HOW_TO_SET}",
        ]
    pdfs = sorted(p.name for p in (site / "downloads").glob("*.pdf"))
    kit = site / EMAIL_KIT
    kit_files = sorted(p.name for p in kit.iterdir() if p.is_file()) if kit.is_dir() else []
    lines = [f"Built for {address}, in {site.name}/: the pages of every language, and"]
    if pdfs:
        lines.append(f"  PDFs with the address and its QR code: {site.name}/downloads/ ({', '.join(pdfs)})")
    if (site / "sitemap.xml").is_file():
        lines.append(f"  Sitemap: {site.name}/sitemap.xml")
    if kit_files:
        lines.append(f"  E-mail kit: {site.name}/{EMAIL_KIT.as_posix()}/ ({', '.join(kit_files)})")
    else:
        lines.append(f"  No e-mail kit in {site.name}/{EMAIL_KIT.as_posix()}/: run make email-kit with the address")
    return lines


def run_step(command: Sequence[str], cwd: Path | None, temporary: str, final: str) -> int:
    """Run one step; what it prints names the site folder it will become, not the temporary one it writes (a
    maintainer looks for site/downloads/…, never for a folder that is gone once the build ends)."""
    with subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, text=True, bufsize=1) as proc:
        assert proc.stdout is not None
        for line in proc.stdout:
            print(line.replace(temporary, final), end="", flush=True)
    return proc.returncode


def build(site_dir: Path, steps=default_steps, cwd: Path | None = None) -> int:
    """Run every step into a temporary folder, then move it to `site_dir`. The exit code of the first failure."""
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    out = Path(tempfile.mkdtemp(prefix=f"{site_dir.name}.tmp-", dir=site_dir.parent))
    try:
        for command in steps(out):
            code = run_step(command, cwd, out.name, site_dir.name)
            if code != 0:
                print(f"build failed ({step_name(command)} exited {code}): "
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
    parser.add_argument("--site-dir", type=Path, default=Path("site"), help="where the site goes (default: site/)")
    parser.add_argument("--email-kit", action="store_true",
                        help="refuse to build without a public address, as the e-mail kit needs one")
    args = parser.parse_args(argv)
    if args.email_kit and not configured_address():
        print("email-kit: no public address for the guide (SITE_URL is not set, or names this computer): the e-mail's"
              " links and QR codes would lead nowhere, so nothing is built. Set it: "
              f"{HOW_TO_SET.replace('build', 'email-kit')}", file=sys.stderr)
        return 2
    return build(args.site_dir)


if __name__ == "__main__":
    sys.exit(main())
