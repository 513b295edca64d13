"""The pure parts of the per-language search hook."""
from __future__ import annotations

import json

from guide.outputs import search_per_language as split


def test_split_index_moves_english_pages_under_their_own_root() -> None:
    index = {"config": {"lang": ["en"]}, "docs": [
        {"location": "", "title": "首页", "text": ""},
        {"location": "register/#step-1", "title": "第 1 步", "text": ""},
        {"location": "en/", "title": "Home", "text": ""},
        {"location": "en/register/#step-1", "title": "Step 1", "text": ""},
    ]}
    zh, en = split.split_index(index, "en")
    assert [d["location"] for d in zh["docs"]] == ["", "register/#step-1"]
    assert [d["location"] for d in en["docs"]] == ["", "register/#step-1"]
    assert [d["title"] for d in en["docs"]] == ["Home", "Step 1"]
    assert zh["config"] == en["config"] == index["config"]


def test_point_config_at_rewrites_only_the_base() -> None:
    app = {"base": "../..", "features": [], "search": "../../assets/x.js"}
    html = f'<p>x</p><script id="__config" type="application/json">{json.dumps(app)}</script>'
    out = split.point_config_at(html, "en")
    data = json.loads(out.split('application/json">')[1].split("</script>")[0])
    assert data == {"base": "../../en/", "features": [], "search": "../../assets/x.js"}
    assert out.startswith("<p>x</p>")


def test_point_config_at_cannot_close_the_script_early() -> None:
    # Material's tojson escapes "<" as \u003c; rewriting must not undo that.
    app = json.dumps({"base": "..", "translations": {"x": "</script><b>"}}).replace("<", "\\u003c")
    out = split.point_config_at(f'<script id="__config" type="application/json">{app}</script>', "en")
    assert out.count("</script>") == 1
