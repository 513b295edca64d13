"""Build the whole site (both languages, its PDFs, and for a public address the e-mail kit) into a temporary
folder; replace site/ only on success.

Half a site in site/ would look publishable, so on failure the previous site/ stays as it was.
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
    """SITE_URL as MkDocs reads it, if public; a mkdocs.yml that cannot be read is the MkDocs step's to report."""
    try:
        return public_address(site_config.read(Path.cwd()).site_url)
    except SourceError:
        return None


def default_steps(out: Path) -> list[list[str]]:
    """The commands that write a complete site to `out`; the e-mail kit checks its links in the PDFs, so last."""
    steps = [
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "--site-dir", str(out)],
        [sys.executable, "-m", "guide.pdf", "--site-dir", str(out)],
    ]
    if configured_address():
        steps.append([sys.executable, "-m", "guide.outputs.email_kit", "--site-dir", str(out), "--quiet"])
    return steps


def step_name(command: Sequence[str]) -> str:
    if "-m" in command[:-1]:
        module = command[command.index("-m") + 1]
        return "mkdocs build" if module == "mkdocs" else module
    return Path(command[0]).name


def built_address(site: Path) -> str | None:
    """The address in the home page's canonical link, which a preview (or no build) does not have."""
    home = site / "index.html"
    match = CANONICAL.search(home.read_text(encoding="utf-8")) if home.is_file() else None
    return match.group(1) if match else None


def address_report(site: Path) -> list[str]:
    """What the built site holds for its public address, or what a preview left out."""
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


def put_in_place(work: Path, target: Path) -> None:
    """`work` becomes `target` in one rename, so nobody sees half of either (the folder swap of site/ and the kit)."""
    work.chmod(0o755)  # mkdtemp makes it private; it is to be served
    old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
    if target.exists():
        target.rename(old / target.name)
    work.rename(target)
    shutil.rmtree(old, ignore_errors=True)


def build(site_dir: Path, steps=default_steps, cwd: Path | None = None) -> int:
    """The exit code of the first failing step, or 0 once `site_dir` holds the new site."""
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    out = Path(tempfile.mkdtemp(prefix=f"{site_dir.name}.tmp-", dir=site_dir.parent))
    try:
        for command in steps(out):
            # What a step prints names the folder it will become, not the temporary one that will be gone.
            with subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, text=True, bufsize=1) as proc:
                for line in proc.stdout:
                    print(line.replace(out.name, site_dir.name), end="", flush=True)
            if proc.returncode != 0:
                print(f"build failed ({step_name(command)} exited {proc.returncode}): "
                      f"{site_dir.name}/ is unchanged; fix the problem above and run make build again",
                      file=sys.stderr)
                return proc.returncode
        put_in_place(out, site_dir)
        print("\n".join(address_report(site_dir)))
        return 0
    finally:
        shutil.rmtree(out, ignore_errors=True)  # gone already once it is site_dir


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
