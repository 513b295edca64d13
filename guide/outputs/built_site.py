"""What the output steps know about a build, from MkDocs or, for a step run alone, from the project and the site."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from guide.sources import site_config


@dataclass
class BuiltSite:
    site: Path                 # the built site's folder
    root: Path                 # the project: mkdocs.yml, includes/, redirects.yml
    site_url: str              # the address in mkdocs.yml (SITE_URL), "" when none was set
    default: str               # the default language, built at the site's root
    locales: list[str]         # every language built, the default first
    nav: list                  # mkdocs.yml's nav
    # Every page file of the build: "en/change-name/index.html" -> "change-name.en.md".
    pages: dict[str, str] = field(default_factory=dict)
    # Each language's own rendering of the theme's 404.html (the build keeps them; alone, read from the site).
    not_found: dict[str, str] = field(default_factory=dict)

    def folder(self, locale: str) -> str:
        return "" if locale == self.default else f"{locale}/"


def guide_path(site_url: str) -> str:
    """The path part of an address, with a slash at each end: '/' or '/chsi-guide/'."""
    path = urlsplit(site_url).path.strip("/")
    return f"/{path}/" if path else "/"


def page_path(target: str) -> str:
    """A docs file name without its language ("verify-identity.md", "a/index.md") -> its address path."""
    if not target.endswith(".md"):
        return target
    stem = target.removesuffix(".md")
    return stem.removesuffix("index") if stem == "index" or stem.endswith("/index") else stem + "/"


def page_file(src_uri: str, default: str) -> str:
    """Where the build writes a page: "change-name.en.md" -> "en/change-name/index.html", "index.zh.md" -> "index.html"."""
    stem, locale, _md = src_uri.rsplit(".", 2)
    return ("" if locale == default else f"{locale}/") + page_path(f"{stem}.md") + "index.html"


def from_project(site: Path, root: Path) -> BuiltSite:
    config = site_config.read(root)
    docs = root / config.docs_dir
    pages = {page_file(p.relative_to(docs).as_posix(), config.default.code): p.relative_to(docs).as_posix()
             for p in sorted(docs.rglob("*.md")) if p.name.count(".") >= 2}
    built = BuiltSite(site, root, config.site_url, config.default.code, config.codes, config.nav, pages)
    for locale in built.locales:
        path = site / built.folder(locale) / "404.html"
        if path.is_file():
            built.not_found[locale] = path.read_text(encoding="utf-8")
    return built
