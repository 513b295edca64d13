"""Write the admissions e-mail's links, ready to paste: a bilingual snippet (HTML and plain text) and QR codes.

Every link of published-links.yml must be in the built site, and the address public: a kit that leads nowhere is
not written. Exit: 0 written, 1 a link is missing (nothing written), 2 wrong use or no built site.
"""
from __future__ import annotations

import argparse
import html
import shutil
import sys
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urlsplit

from guide.outputs.build import EMAIL_KIT, put_in_place
from guide.outputs.qr_codes import qr_code, qr_svg  # the build's own encoding: the kit's SVG is the site's
from guide.sources import site_config
from guide.sources.errors import SourceError
from guide.sources.published_links import REGISTRY, Registry, check_link, load_registry
from guide.sources.site_address import HOW_TO_SET, public_address
from guide.sources.words import words as language_words

QR_PNG_SCALE = 10  # pixels per module: about 4 cm wide at 300 dpi for a short URL


class Entry(NamedTuple):
    label: str
    url: str
    path: str  # relative to site_url, checked in the built site


class LangKit(NamedTuple):
    lang: str
    guide: Entry
    steps: tuple[Entry, ...]
    files: tuple[Entry, ...]


def kit_entries(registry: Registry, roots: Mapping[str, str], site_url: str) -> list[LangKit]:
    kits = []
    for lang, root in roots.items():
        words = language_words(lang).email_kit
        guide = Entry(words["guide"], site_url + root, root)
        steps = tuple(Entry(s.labels[lang], site_url + root + s.link, root + s.link) for s in registry.steps)
        files = tuple(Entry(f.labels[lang], site_url + f.paths[lang], f.paths[lang]) for f in registry.files)
        kits.append(LangKit(lang, guide, steps, files))
    return kits


def snippet_html(kits: Sequence[LangKit]) -> str:
    def link(entry: Entry) -> str:
        return f'<a href="{html.escape(entry.url)}">{html.escape(entry.label)}</a>'

    blocks = []
    for kit in kits:
        words = language_words(kit.lang)
        steps = "\n".join(f"    <li>{link(step)}</li>" for step in kit.steps)
        files = " · ".join(link(f) for f in kit.files)
        blocks.append(
            f'<div lang="{words.html_lang}">\n'
            f"  <p><strong>{html.escape(words.email_kit['title'])}</strong>{words.colon}{link(kit.guide)}</p>\n"
            f"  <p>{html.escape(words.email_kit['intro'])}</p>\n  <ol>\n{steps}\n  </ol>\n"
            f"  <p>{html.escape(words.email_kit['print'])}{words.colon}{files}</p>\n</div>"
        )
    return "<!-- CHSI registration guide: paste into the e-mail -->\n" + "\n<hr>\n".join(blocks) + "\n"


def snippet_text(kits: Sequence[LangKit]) -> str:
    """Plain text: each address on a line of its own, so that mail programs make it clickable whole."""
    blocks = []
    for kit in kits:
        words = language_words(kit.lang)
        colon, kit_words = words.colon, words.email_kit
        lines = [kit_words["title"], f"{kit_words['guide']}{colon}{kit.guide.url}", "", kit_words["intro"]]
        for number, step in enumerate(kit.steps, 1):
            lines += [f"{number}. {step.label}", f"   {step.url}"]
        lines += ["", kit_words["print"] + colon.rstrip()] + [f"- {f.label}{colon}{f.url}" for f in kit.files]
        blocks.append("\n".join(lines))
    return "\n\n----\n\n".join(blocks) + "\n"


def write_kit(kits: Sequence[LangKit], out: Path) -> list[Path]:
    """The six files in place of `out` at once: the office may be copying from the previous kit."""
    out.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{out.name}.tmp-", dir=out.parent))
    try:
        names = ["email-snippet.html", "email-snippet.txt"]
        (work / names[0]).write_text(snippet_html(kits), encoding="utf-8")
        (work / names[1]).write_text(snippet_text(kits), encoding="utf-8")
        for kit in kits:
            svg, png = f"qr-guide-{kit.lang}.svg", f"qr-guide-{kit.lang}.png"
            (work / svg).write_text(qr_svg(kit.guide.url), encoding="utf-8")
            qr_code(kit.guide.url).save(work / png, kind="png", scale=QR_PNG_SCALE, border=4)
            names += [svg, png]
        put_in_place(work, out)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return [out / name for name in names]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write the e-mail snippet and QR codes for the guide's SITE_URL.")
    parser.add_argument("--site-dir", type=Path, default=Path("site"), help="the built site (default: site)")
    parser.add_argument("--quiet", action="store_true", help="print nothing when the kit is written (errors still)")
    args = parser.parse_args(argv)

    try:
        config = site_config.read(Path.cwd())
        registry = load_registry(REGISTRY, list(config.roots))
    except SourceError as err:
        print(f"email-kit: {err}", file=sys.stderr)
        return 2
    if not (args.site_dir / "index.html").is_file():
        print(f"email-kit: no built site in {args.site_dir}/: run `make build` first", file=sys.stderr)
        return 2
    given = config.site_url
    parts = urlsplit(given)
    if given and (parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment):
        print(f"email-kit: SITE_URL must be an http(s) address without ?query or #fragment: {given}",
              file=sys.stderr)
        return 2
    site_url = public_address(given)  # with its last slash
    if not site_url:
        print(f"email-kit: no public address for the guide ({given or 'SITE_URL is not set'}): the e-mail's links and "
              f"QR codes would lead nowhere, so nothing is written. Set it: {HOW_TO_SET.replace('build', 'email-kit')}",
              file=sys.stderr)
        return 2

    kits = kit_entries(registry, config.roots, site_url)
    problems = [f"[{kit.lang}] {entry.url}: {why}" for kit in kits for entry in (kit.guide, *kit.steps, *kit.files)
                if (why := check_link(args.site_dir, entry.path))]
    if problems:
        print("\n".join(problems))
        print(f"email-kit: {len(problems)} link(s) missing from {args.site_dir}/: nothing written")
        return 1
    out = args.site_dir / EMAIL_KIT
    written = write_kit(kits, out)
    if args.quiet:
        return 0
    print("\n".join(map(str, written)))
    links = sum(1 + len(k.steps) + len(k.files) for k in kits)
    print(f"email-kit: wrote {len(written)} files to {out}/ "
          f"({links} links checked in {args.site_dir}/, for {site_url})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
