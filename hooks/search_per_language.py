"""Give each language its own search index, so English readers get English results.

mkdocs-static-i18n writes ONE search index for all languages at /search/search_index.json (its maintainer
says that is all it can do), so a search from /en/ returns Chinese pages. After the last build this hook
splits that index: Chinese pages stay at /search/search_index.json, English pages move to
/en/search/search_index.json with their locations made relative to /en/. English pages are then pointed at
their own index by setting Material's `base` (which the search uses to find the index and to resolve
result links) to the /en/ folder.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from mkdocs.plugins import event_priority

SECONDARY = "en"
CONFIG_SCRIPT = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.DOTALL)


def split_index(index: dict, locale: str) -> tuple[dict, dict]:
    """Split a merged index into (default-language index, `locale` index with locations relative to it)."""
    prefix = f"{locale}/"
    default_docs = [doc for doc in index["docs"] if not doc["location"].startswith(prefix)]
    locale_docs = [
        dict(doc, location=doc["location"][len(prefix):]) for doc in index["docs"] if doc["location"].startswith(prefix)
    ]
    return dict(index, docs=default_docs), dict(index, docs=locale_docs)


def point_config_at(html: str, subfolder: str) -> str:
    """Make Material's `base` (used to find the search index and resolve results) point at `subfolder`."""

    def rewrite(match: re.Match[str]) -> str:
        app = json.loads(match.group(2))
        # The trailing slash matters: the search resolves "search/search_index.json" against it.
        app["base"] = f"{app['base'].rstrip('/')}/{subfolder}/"
        # Escape "</" so that no value can close the script element early.
        return match.group(1) + json.dumps(app, ensure_ascii=False).replace("</", "<\\/") + match.group(3)

    return CONFIG_SCRIPT.sub(rewrite, html, count=1)


def on_post_page(output, page, config):
    if page.file.src_uri.endswith(f".{SECONDARY}.md"):
        return point_config_at(output, SECONDARY)
    return output


@event_priority(-110)  # after mkdocs-static-i18n (-100) has built every language and merged the index
def on_post_build(config):
    site = Path(config.site_dir)
    merged = site / "search" / "search_index.json"
    if not merged.exists():
        return
    index = json.loads(merged.read_text(encoding="utf-8"))
    if not any(doc["location"].startswith(f"{SECONDARY}/") for doc in index["docs"]):
        return  # a single-language build inside static-i18n's loop: nothing merged yet
    default_index, locale_index = split_index(index, SECONDARY)
    target = site / SECONDARY / "search" / "search_index.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    for path, data in ((merged, default_index), (target, locale_index)):
        path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
