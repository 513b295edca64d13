"""Keep old addresses working in every language: redirect pages written from redirects.yml.

mkdocs-redirects cannot serve a static-i18n site (it points at `../page.zh/` and writes nothing under /en/),
so this hook does it. One entry in redirects.yml, `old-name/: new-name.md#anchor`, makes <site>/old-name/ and
<site>/en/old-name/ each a tiny page that sends the reader to the same language's new page. The pages use
relative links, so they work wherever the site is served (a university sub-path too); their script keeps
the #fragment the reader arrived with, and the build fails when a target page or anchor does not exist.
"""
from __future__ import annotations

import html
import json
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

REDIRECTS_FILE = "redirects.yml"
# Written into every redirect page, so that a real page is never mistaken for one and overwritten.
MARKER = "<!-- redirect page made from redirects.yml -->"
MOVED = {"zh": "本页已移至：", "en": "This page has moved to:"}
HTML_LANG = {"zh": "zh-Hans"}
ID = re.compile(r"""\sid=["']?([^"'\s>]+)""")


@dataclass(frozen=True)
class Redirect:
    old: str  # a path as it appears in the address bar, relative to a language root: "old-name/"
    page: str  # the new page's path, relative to a language root: "new-name/" ("" for the home page)
    anchor: str  # "" or the heading id to land on when the reader's link had no #fragment


def page_path(target: str) -> str:
    """A docs file name without its language ("verify-identity.md", "a/index.md") -> its address path."""
    if not target.endswith(".md"):
        return target
    stem = target[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def parse_redirects(data: object) -> list[Redirect]:
    if data is None:
        return []
    entries = data.get("redirects") if isinstance(data, dict) else None
    if entries is None:
        return []
    if not isinstance(entries, dict):
        raise PluginError(f"{REDIRECTS_FILE}: 'redirects' must map old paths to new pages")
    redirects = []
    for old, target in entries.items():
        if not isinstance(old, str) or not isinstance(target, str) or not old.strip("/") or old.startswith("/"):
            raise PluginError(f"{REDIRECTS_FILE}: {old!r}: {target!r}: expected 'old-path/: new-page.md#anchor'")
        if re.search(r"\.[a-z]{2}\.md(#|$)", target):
            raise PluginError(f"{REDIRECTS_FILE}: {old}: name the page without its language ({target!r})")
        path, _, anchor = target.partition("#")
        redirects.append(Redirect(old, page_path(path), anchor))
    return redirects


def old_file(old: str) -> str:
    """The file that answers an old address: "old/" and "old" -> "old/index.html", "old.html" stays."""
    return old if old.endswith(".html") else old.rstrip("/") + "/index.html"


def relative_href(from_file: str, to_path: str) -> str:
    """A link from one built file to an address path, both relative to the site root."""
    start = posixpath.dirname(from_file) or "."
    rel = posixpath.relpath(to_path.rstrip("/") or ".", start)
    if to_path == "" or to_path.endswith("/"):
        rel = "./" if rel == "." else rel + "/"
    return rel


def redirect_html(href: str, anchor: str, canonical: str | None, lang: str) -> str:
    """A page that moves the reader on at once, keeping the #fragment they arrived with."""
    fallback = f"#{anchor}" if anchor else ""
    moved = html.escape(MOVED.get(lang, MOVED["en"]))
    shown = html.escape(href + fallback)
    # The visible link shows the full new address when it is known: easier to note down than "../new/".
    text = html.escape(canonical + fallback) if canonical else shown
    # The script runs before the meta refresh fires, and the refresh alone would drop the reader's #fragment.
    script = f"location.replace({json.dumps(href)} + (location.hash || {json.dumps(fallback)}));".replace("</", "<\\/")
    canonical_tag = f'<link rel="canonical" href="{html.escape(canonical)}">\n' if canonical else ""
    return (
        f'<!doctype html>\n<html lang="{HTML_LANG.get(lang, lang)}">\n<head>\n{MARKER}\n<meta charset="utf-8">\n'
        f'<meta name="robots" content="noindex">\n{canonical_tag}'
        f"<script>{script}</script>\n"
        f'<meta http-equiv="refresh" content="0; url={shown}">\n<title>{moved}</title>\n'
        f'</head>\n<body>\n<p>{moved} <a href="{shown}">{text}</a></p>\n'
        f"</body>\n</html>\n"
    )


def language_roots(config) -> dict[str, str]:
    """Each built language -> its folder in the site ("" for the default language)."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return {config.theme.get("language") or "en": ""}
    return {
        lang.locale: "" if lang.default else f"{lang.locale}/"
        for lang in i18n.config.languages
        if lang.build
    }


def check_target(site: Path, page: str, anchor: str) -> str | None:
    target = site / page / "index.html"
    if not target.is_file():
        return f"no page /{page}"
    if anchor and anchor not in ID.findall(target.read_text(encoding="utf-8")):
        return f"no id '{anchor}' on /{page}"
    return None


_redirects: list[Redirect] = []


def on_config(config):
    global _redirects
    path = Path(config.config_file_path).parent / REDIRECTS_FILE
    try:
        _redirects = parse_redirects(yaml.safe_load(path.read_text(encoding="utf-8"))) if path.exists() else []
    except yaml.YAMLError as err:
        raise PluginError(f"{REDIRECTS_FILE}: not valid YAML: {err}") from None
    return config


@event_priority(-110)  # after mkdocs-static-i18n (-100) has built the other languages into the same folder
def on_post_build(config):
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "building", False):
        return  # a single language's build inside static-i18n's loop: wait for the last call
    site = Path(config.site_dir)
    base = (config.site_url or "").rstrip("/") + "/" if config.site_url else None
    problems = []
    for redirect in _redirects:
        for lang, root in language_roots(config).items():
            why = check_target(site, root + redirect.page, redirect.anchor)
            if why:
                problems.append(f"{REDIRECTS_FILE}: {redirect.old} -> {why}")
                continue
            source = site / root / old_file(redirect.old)
            if source.exists() and MARKER not in source.read_text(encoding="utf-8"):
                problems.append(f"{REDIRECTS_FILE}: {redirect.old} is a real page in [{lang}]: remove the redirect")
                continue
            from_file = root + old_file(redirect.old)
            href = relative_href(from_file, root + redirect.page)
            canonical = base + root + redirect.page if base else None
            source.parent.mkdir(parents=True, exist_ok=True)
            source.write_text(redirect_html(href, redirect.anchor, canonical, lang), encoding="utf-8")
    if problems:
        raise PluginError("Redirects:\n" + "\n".join(problems))
