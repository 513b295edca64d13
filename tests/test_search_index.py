"""One search index per language (the merged index split, each language's pages pointed at their own), with Chinese
segmented into words."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import site_sources
import yaml
from fixture_site import SITE

from guide.outputs import search_per_language as split
from guide.sources import ui_labels


def load(site: Path, prefix: str) -> dict:
    return json.loads((site / prefix / "search" / "search_index.json").read_text(encoding="utf-8"))


def tokens(index: dict) -> set[str]:
    separator = re.compile(index["config"]["separator"])
    found: set[str] = set()
    for doc in index["docs"]:
        text = re.sub(r"<[^>]+>", " ", doc["title"] + " " + doc["text"])
        found.update(t for t in separator.split(text) if t)
    return found


@pytest.mark.parametrize("word", ["学信网", "验证码", "图片采集码", "简项注册", "未通过", "北京大学", "账号管理"])
def test_chinese_terms_are_whole_tokens_in_the_chinese_index(built_site: Path, word: str) -> None:
    assert word in tokens(load(built_site, ""))


def test_the_separator_splits_on_the_zero_width_space_jieba_inserts(built_site: Path) -> None:
    for prefix in ("", "en"):
        config = load(built_site, prefix)["config"]
        assert re.compile(config["separator"]).split("学信网\u200b验证码") == ["学信网", "验证码"]
        # lunr.zh needs a Node segmenter and breaks in the browser: the index must not ask for it.
        assert config["lang"] == ["en"]


def test_each_language_indexes_exactly_its_own_pages(built_site: Path) -> None:
    # The pages each language publishes (mkdocs.yml's nav): every one is indexed, nothing else; English relative to
    # /en/: no "en/" prefix, and no Chinese page.
    for prefix in ("", "en"):
        pages = {d["location"].split("#")[0] for d in load(built_site, prefix)["docs"]}
        assert pages == set(site_sources.page_slugs()), prefix
    en_titles = {d["title"] for d in load(built_site, "en")["docs"] if "#" not in d["location"]}
    assert not any(re.search(r"[\u4e00-\u9fff]", t) for t in en_titles), en_titles


def test_a_pasted_chinese_label_finds_the_english_explanation(built_site: Path) -> None:
    index = load(built_site, "en")
    separator = re.compile(index["config"]["separator"])
    hits = {d["location"] for d in index["docs"] if "未通过" in separator.split(re.sub(r"<[^>]+>", " ", d["text"]))}
    page = site_sources.current("verify-identity/")  # followed through redirects.yml after a rename
    assert any(h.startswith(page) for h in hits), (
        f"searching 未通过 in English finds {sorted(hits)}, not /en/{page}: keep **未通过** (Not passed) on "
        f"{site_sources.docs_file(page, 'en').relative_to(SITE)}")


def test_english_pages_point_search_at_the_english_index(built_site: Path) -> None:
    for page in site_sources.built_pages(built_site / "en"):
        config = re.search(r'<script id="__config" type="application/json">(.*?)</script>',
                           page.read_text(encoding="utf-8"), re.DOTALL)
        base = json.loads(config.group(1))["base"]
        resolved = (page.parent / base).resolve()
        assert resolved == (built_site / "en").resolve(), f"{page}: base {base!r}"
        assert base.endswith("/"), "without the trailing slash the index URL resolves to the site root"


def test_every_short_label_is_one_search_word(built_site: Path) -> None:
    index = load(built_site, "")
    separator, found = re.compile(index["config"]["separator"]), tokens(index)
    labels = ui_labels.load_labels(SITE / ui_labels.TABLE_FILE)
    # A label a student might type into the search: short, and free of the separator's characters.
    split = [label for label in labels
             if len(label) <= ui_labels.SEARCH_WORD_LENGTH and not separator.search(label) and label not in found]
    assert split == [], (
        f"includes/ui-labels.yml: {', '.join(split)}: not one word in the Chinese search index, so searching them "
        "finds nothing: the build gives jieba every short label as a word (ui_labels.teach_search, called by "
        "guide/mkdocs_hooks/rendering.py); check that it still runs before the pages")


TABLE = """注册: {gloss: Register, source: quoted, mark: quotes}
学号核对码: {gloss: Student number check code, source: quoted, mark: brackets}
方式 3: {gloss: Method 3, source: quoted, mark: quotes}
华侨身份证/护照: {gloss: Overseas Chinese ID card or passport, source: quoted, mark: quotes}
中国大陆地区用户推荐设置居民身份证: {gloss: Users in the mainland should choose the ID card, source: quoted, mark: brackets}
"""


def test_the_dictionary_the_build_gives_jieba_holds_every_short_label(tmp_path: Path) -> None:
    path = tmp_path / "ui-labels.yml"
    path.write_text(TABLE, encoding="utf-8")
    table = ui_labels.load_table(path)
    given: list[tuple[str, int]] = []
    # Spaces and punctuation split a query anyway; a long label is a sentence whose words must stay findable.
    assert ui_labels.teach_search(table, lambda word, freq: given.append((word, freq))) == ["注册", "学号核对码"]
    assert given == [("注册", ui_labels.JIEBA_FREQUENCY), ("学号核对码", ui_labels.JIEBA_FREQUENCY)]


def test_the_hand_kept_dictionary_is_the_one_the_search_plugin_reads() -> None:
    config = yaml.safe_load((SITE / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV", ""))
    search = next(p["search"] for p in config["plugins"] if isinstance(p, dict) and "search" in p)
    assert search["jieba_dict_user"] == "includes/jieba-user-dict.txt"
    assert (SITE / search["jieba_dict_user"]).is_file()


def test_point_config_at_rewrites_only_the_base_and_cannot_close_the_script_early() -> None:
    # Material's tojson escapes "<" as \u003c; rewriting must not undo that.
    app = json.dumps({"base": "../..", "translations": {"x": "</script><b>"}}).replace("<", "\\u003c")
    out = split.point_config_at(f'<p>x</p><script id="__config" type="application/json">{app}</script>', "en")
    data = json.loads(out.split('application/json">')[1].split("</script>")[0])
    assert data == {"base": "../../en/", "translations": {"x": "</script><b>"}}
    assert out.startswith("<p>x</p>") and out.count("</script>") == 1
