"""Give each language its own search index, so English readers get English results.

mkdocs-static-i18n writes ONE index for all languages (its maintainer says that is all it can do), so a search from
/en/ returned Chinese pages; the entries get the student's words first (search_synonyms.py).
"""
from __future__ import annotations

import json
import re
from collections.abc import Callable

import jieba  # Material segments Chinese with it; it is in every dependency group

from guide.outputs import search_synonyms
from guide.outputs.built_site import BuiltSite
from guide.outputs.redirects import page_path
from guide.sources import site_config, ui_labels
from guide.sources.errors import SourceError

CONFIG_SCRIPT = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.DOTALL)


def rewrite_config(html: str, change: Callable[[dict], None]) -> str:

    def rewrite(match: re.Match[str]) -> str:
        app = json.loads(match.group(2))
        change(app)
        # Escape "</" so that no value can close the script element early.
        return match.group(1) + json.dumps(app, ensure_ascii=False).replace("</", "<\\/") + match.group(3)

    return CONFIG_SCRIPT.sub(rewrite, html, count=1)


def point_config_at(html: str, subfolder: str) -> str:
    """Make Material's `base` (used to find the search index and resolve results) point at `subfolder`."""

    def change(app: dict) -> None:
        # The trailing slash matters: the search resolves "search/search_index.json" against it.
        base = app["base"].rstrip("/")
        if base != subfolder and not base.endswith(f"/{subfolder}"):  # once only: a step may run again on its site
            app["base"] = f"{base}/{subfolder}/"

    return rewrite_config(html, change)


def run(built: BuiltSite) -> None:
    merged = built.site / "search" / "search_index.json"
    if not merged.exists():
        return
    index = json.loads(merged.read_text(encoding="utf-8"))
    others = [locale for locale in built.locales if locale != built.default]
    if not any(doc["location"].startswith(built.folder(locale)) for locale in others for doc in index["docs"]):
        return  # already split (a step run again on its site), or a single-language build
    folders = {locale: built.folder(locale) for locale in built.locales}
    table = built.root / ui_labels.TABLE_FILE
    synonyms = search_synonyms.parse_synonyms(table.read_text(encoding="utf-8"), table, tuple(built.locales))
    nav_slugs = list(map(page_path, site_config.nav_files(built.nav)))
    unmatched = search_synonyms.add_synonyms(index, synonyms, folders, jieba.cut, nav_slugs)
    if unmatched:
        names = {language.code: language.name for language in site_config.read(built.root).languages}
        raise SourceError("Search words:\n" + "\n".join(search_synonyms.unmatched_problems(unmatched, names)))
    for locale in built.locales:  # each entry to its language's index, its location relative to that folder
        folder = built.folder(locale)
        docs = [dict(doc, location=doc["location"].removeprefix(folder)) for doc in index["docs"]
                if search_synonyms.doc_language(doc["location"], folders) == locale]
        target = built.site / folder / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(dict(index, docs=docs), ensure_ascii=False, separators=(",", ":")),
                          encoding="utf-8")
