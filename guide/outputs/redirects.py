"""Keep old addresses working in every language: redirect pages written from redirects.yml.

mkdocs-redirects cannot serve a static-i18n site (it points at `../page.zh/` and writes nothing under /en/). The
pages use relative links, so they work under any sub-path too.
"""
from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from guide.outputs.built_site import BuiltSite, page_path
from guide.sources.errors import SourceError
from guide.sources.words import words

REDIRECTS_FILE = "redirects.yml"
# Written into every redirect page, so that checks and tools can tell a redirect page from a real one.
MARKER = "<!-- redirect page made from redirects.yml -->"
ID = re.compile(r"""\sid=["']?([^"'\s>]+)""")


@dataclass(frozen=True)
class Redirect:
    old: str  # a path as it appears in the address bar, relative to a language root: "old-name/"
    page: str  # the new page's path, relative to a language root: "new-name/" ("" for the home page)
    anchor: str  # "" or the heading id to land on when the reader's link had no #fragment


def parse_redirects(data: object) -> list[Redirect]:
    entries = data.get("redirects") if isinstance(data, dict) else None
    if entries is None:
        return []
    if not isinstance(entries, dict):
        raise SourceError(f"{REDIRECTS_FILE}: 'redirects' must map old paths to new pages")
    redirects = []
    for old, target in entries.items():
        if not isinstance(old, str) or not isinstance(target, str) or not old.strip("/") or old.startswith("/"):
            raise SourceError(f"{REDIRECTS_FILE}: {old!r}: {target!r}: expected 'old-path/: new-page.md#anchor'")
        if re.search(r"\.[a-z]{2}\.md(#|$)", target):
            raise SourceError(f"{REDIRECTS_FILE}: {old}: name the page without its language ({target!r})")
        path, _, anchor = target.partition("#")
        redirects.append(Redirect(old, page_path(path), anchor))
    return redirects


def old_file(old: str) -> str:
    """The file that answers an old address: "old/" and "old" -> "old/index.html", "old.html" stays."""
    return old if old.endswith(".html") else old.rstrip("/") + "/index.html"


def relative_href(from_file: str, to_path: str) -> str:
    start = posixpath.dirname(from_file) or "."
    rel = posixpath.relpath(to_path.rstrip("/") or ".", start)
    if to_path == "" or to_path.endswith("/"):
        rel = "./" if rel == "." else rel + "/"
    return rel


# The redirect pages' one script, a file rather than inline code: the Content-Security-Policy (security_headers.py)
# lists a hash for every inline script, so an inline script per redirect changed the policy, and the committed nginx
# snippet, at every rename. A file is allowed by 'self' whatever the redirects are.
SCRIPT_FILE = "assets/javascripts/redirect.js"
SCRIPT = """// Redirect pages (guide/outputs/redirects.py): go to data-to, keeping the #fragment the reader arrived with.
(function (script) {
  location.replace(script.getAttribute("data-to") + (location.hash || script.getAttribute("data-fragment")));
})(document.currentScript);
"""


def redirect_html(href: str, anchor: str, canonical: str | None, lang: str, script_src: str) -> str:
    fallback = f"#{anchor}" if anchor else ""
    moved = html.escape(words(lang).page_moved)
    shown = html.escape(href + fallback)
    # The visible link shows the full new address when it is known: easier to note down than "../new/".
    text = html.escape(canonical + fallback) if canonical else shown
    canonical_tag = f'<link rel="canonical" href="{html.escape(canonical)}">\n' if canonical else ""
    # The script runs before the meta refresh fires (it blocks the parser), and the refresh alone would drop the
    # reader's #fragment.
    script = (f'<script src="{html.escape(script_src)}" data-to="{html.escape(href)}" '
              f'data-fragment="{html.escape(fallback)}"></script>')
    return (
        f'<!doctype html>\n<html lang="{words(lang).html_lang}">\n<head>\n{MARKER}\n<meta charset="utf-8">\n'
        f'<meta name="robots" content="noindex">\n{canonical_tag}'
        f"{script}\n"
        f'<meta http-equiv="refresh" content="0; url={shown}">\n<title>{moved}</title>\n'
        f'</head>\n<body>\n<p>{moved} <a href="{shown}">{text}</a></p>\n'
        f"</body>\n</html>\n"
    )


def docs_name(page: str, lang: str) -> str:
    """The docs file of an address path in one language: "fix-name/" -> "fix-name.zh.md", "" -> "index.zh.md"."""
    return f"{page.rstrip('/') or 'index'}.{lang}.md"


def problem(site: Path, redirect: Redirect, lang: str, root: str, source: str | None, where: str) -> str | None:
    """What is wrong with one redirect in one language, with what to do; None when its page can be written."""
    if source is not None:  # the old address is still made by a file in docs/: usually a rename left half done
        return (f"{where}: {redirect.old} is still a page in [{lang}], made from docs/{source}: to rename it, rename "
                f"that file to docs/{docs_name(redirect.page, lang)} and change its line under nav in mkdocs.yml; if "
                f"the page stays where it is, delete this line of {REDIRECTS_FILE}")
    target = site / root / redirect.page / "index.html"
    if not target.is_file():
        return (f"{where}: {redirect.old} -> no page /{root}{redirect.page}: there is no "
                f"docs/{docs_name(redirect.page, lang)}; write the new page's file name without its language "
                f"(NAME.md for docs/NAME.{lang}.md)")
    if redirect.anchor and redirect.anchor not in ID.findall(target.read_text(encoding="utf-8")):
        return (f"{where}: {redirect.old} -> no id '{redirect.anchor}' on /{root}{redirect.page}: write a heading id "
                "that the new page has, or leave out the #id")
    return None


def load_redirects(root: Path) -> tuple[list[Redirect], dict[str, int]]:
    path = root / REDIRECTS_FILE
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    try:
        redirects = parse_redirects(yaml.safe_load(text)) if text else []
    except yaml.YAMLError as err:
        raise SourceError(f"{REDIRECTS_FILE}: not valid YAML: {err}") from None
    # The line of each old path under `redirects:`, for messages that name file:line.
    node = yaml.compose(text)
    for key, value in node.value if isinstance(node, yaml.MappingNode) else []:
        if key.value == "redirects" and isinstance(value, yaml.MappingNode):
            return redirects, {k.value: k.start_mark.line + 1 for k, _ in value.value}
    return redirects, {}


def run(built: BuiltSite) -> None:
    """Step: a redirect page at each old address, in every language; the build stops when a target is missing."""
    redirects, lines = load_redirects(built.root)
    base = built.site_url.rstrip("/") + "/" if built.site_url else None
    problems = []
    for redirect in redirects:
        for lang in built.locales:
            root = built.folder(lang)
            from_file = root + old_file(redirect.old)
            why = problem(built.site, redirect, lang, root, built.pages.get(from_file),
                          f"{REDIRECTS_FILE}:{lines.get(redirect.old, 1)}")
            if why:
                problems.append(why)
                continue
            # Any file left at the old address is not this build's (an earlier build's output): replace it.
            href = relative_href(from_file, root + redirect.page)
            canonical = base + root + redirect.page if base else None
            target = built.site / from_file
            target.parent.mkdir(parents=True, exist_ok=True)
            script_src = relative_href(from_file, SCRIPT_FILE)
            target.write_text(redirect_html(href, redirect.anchor, canonical, lang, script_src), encoding="utf-8")
    if problems:
        raise SourceError("Redirects:\n" + "\n".join(problems))
    if redirects:
        (built.site / SCRIPT_FILE).parent.mkdir(parents=True, exist_ok=True)
        (built.site / SCRIPT_FILE).write_text(SCRIPT, encoding="utf-8")
