"""The tests' site's pages, old addresses and languages, read from its mkdocs.yml and redirects.yml.

A test that names a page names it by the address it had when the test was written and passes it through
`current()`: after a rename with its redirect line, the test follows the page, as a reader's old link does.
"""
from __future__ import annotations

from pathlib import Path

from fixture_site import SITE

from guide.outputs import redirects as rd
from guide.sources import site_config


def nav_files(root: Path = SITE) -> list[str]:
    """The docs files of the nav, in menu order, without their language: ["index.md", "register.md", ...]."""
    return site_config.nav_files(site_config.read(root, env={}).nav)


def page_slugs(root: Path = SITE) -> list[str]:
    """Each nav page's address relative to a language root: "" for the home page, "register/" for register.md."""
    return [rd.page_path(name) for name in nav_files(root)]


def languages(root: Path = SITE) -> dict[str, str]:
    """Each language -> its folder in the built site ("" for the default language, "en/" for English)."""
    return site_config.read(root, env={}).roots


def redirect_files(root: Path = SITE) -> list[str]:
    """The redirect pages the build writes, in every language: ["no-mainland-phone/index.html", "en/...", ...]."""
    return [prefix + rd.old_file(r.old) for r in rd.load_redirects(root)[0] for prefix in languages(root).values()]


def current(address: str, root: Path = SITE) -> str:
    """An address after the renames in redirects.yml: "en/old/#id" -> "en/new/#id" (the address's #id wins)."""
    prefix = next((p for p in languages(root).values() if p and address.startswith(p)), "")
    path, _hash, anchor = address[len(prefix):].partition("#")
    moves = {r.old: r for r in rd.load_redirects(root)[0]}
    for _hop in moves:  # a chain of renames takes one hop per line at most
        if (move := moves.get(path) or moves.get(path + "/")) is None:
            break
        path, anchor = move.page, anchor or move.anchor
    return prefix + path + ("#" + anchor if anchor else "")


def docs_file(address: str, lang: str, root: Path = SITE) -> Path:
    """The docs file that serves an address (after the renames in redirects.yml) in one language."""
    return root / "docs" / rd.docs_name(current(address, root).partition("#")[0], lang)


def built_pages(site: Path) -> list[Path]:
    """Every page (index.html) of a built site in every language, without the redirect pages of redirects.yml."""
    return [page for page in sorted(site.rglob("index.html")) if rd.MARKER not in page.read_text(encoding="utf-8")]


def source_of(site: Path, page: Path, root: Path = SITE) -> str:
    """The docs file a built page comes from: site/en/register/index.html -> "docs/register.en.md"."""
    rel = page.parent.relative_to(site).as_posix()
    rel = "" if rel == "." else rel + "/"
    roots = languages(root)
    lang = next((code for code, prefix in roots.items() if prefix and rel.startswith(prefix)),
                next(code for code, prefix in roots.items() if not prefix))
    return "docs/" + rd.docs_name(rel.removeprefix(roots[lang]), lang)
