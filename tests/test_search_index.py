"""One search index per language, with Chinese segmented into words."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import site_sources
import yaml

ROOT = Path(__file__).resolve().parent.parent
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
    zh_pages = {d["location"].split("#")[0] for d in load(built_site, "")["docs"]}
    en_pages = {d["location"].split("#")[0] for d in load(built_site, "en")["docs"]}
    # The pages each language publishes (mkdocs.yml's nav): every one is indexed, nothing else.
    published = {"en": set(), "zh": set()}
    for page in site_sources.built_pages(built_site):
        rel = page.parent.relative_to(built_site).as_posix()
        rel = "" if rel == "." else rel + "/"
        if rel.startswith("en/"):
            published["en"].add(rel.removeprefix("en/"))
        else:
            published["zh"].add(rel)
    expected = published["zh"]
    assert expected == set(site_sources.page_slugs()), "the walk over the built site did not find the nav's pages"
    assert published["en"] == expected
    assert zh_pages == expected
    assert en_pages == expected  # relative to /en/: no "en/" prefix, and no Chinese page
    en_titles = {d["title"] for d in load(built_site, "en")["docs"] if "#" not in d["location"]}
    assert not any(re.search(r"[\u4e00-\u9fff]", t) for t in en_titles), en_titles


def test_a_pasted_chinese_label_finds_the_english_explanation(built_site: Path) -> None:
    index = load(built_site, "en")
    separator = re.compile(index["config"]["separator"])
    hits = {d["location"] for d in index["docs"] if "未通过" in separator.split(re.sub(r"<[^>]+>", " ", d["text"]))}
    page = site_sources.current("verify-identity/")  # followed through redirects.yml after a rename
    assert any(h.startswith(page) for h in hits), (
        f"searching 未通过 in English finds {sorted(hits)}, not /en/{page}: keep **未通过** (Not passed) on "
        f"{site_sources.docs_file(page, 'en').relative_to(ROOT)}")


def test_english_pages_point_search_at_the_english_index(built_site: Path) -> None:
    for page in site_sources.built_pages(built_site / "en"):
        config = re.search(r'<script id="__config" type="application/json">(.*?)</script>',
                           page.read_text(encoding="utf-8"), re.DOTALL)
        base = json.loads(config.group(1))["base"]
        resolved = (page.parent / base).resolve()
        assert resolved == (built_site / "en").resolve(), f"{page}: base {base!r}"
        assert base.endswith("/"), "without the trailing slash the index URL resolves to the site root"


# A label a student might type into the search: short, and free of the separator's characters.
TERM_LENGTH = 5


def split_terms(found: set[str], labels: list[str], separator: re.Pattern[str]) -> list[str]:
    """One line per short label that Chinese search no longer holds as one word, with the dictionary line to add."""
    return [f"includes/jieba-user-dict.txt: {label} (a label in includes/ui-labels.yml) is not one word in the Chinese "
            f"search index, so searching {label} finds nothing: add the line '{label} 1000 n'"
            for label in labels if len(label) <= TERM_LENGTH and not separator.search(label) and label not in found]


def test_every_short_label_is_one_search_word(built_site: Path) -> None:
    index = load(built_site, "")
    labels = list(ui_labels.load_labels(ROOT / "includes" / "ui-labels.yml"))
    assert split_terms(tokens(index), labels, re.compile(index["config"]["separator"])) == []


def test_a_term_jieba_splits_is_named_with_the_line_to_add() -> None:
    separator = re.compile(r"[\s\u200b]+")
    assert split_terms({"简项", "注册", "方式"}, ["简项注册", "注册", "方式 3"], separator) == [
        ("includes/jieba-user-dict.txt: 简项注册 (a label in includes/ui-labels.yml) is not one word in the Chinese "
        "search index, so searching 简项注册 finds nothing: add the line '简项注册 1000 n'")]


def test_user_dictionary_words_are_known_to_jieba() -> None:
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV", ""))
    search = next(p["search"] for p in config["plugins"] if isinstance(p, dict) and "search" in p)
    words = [line.split()[0] for line in (ROOT / search["jieba_dict_user"]).read_text(encoding="utf-8").splitlines()
             if line.strip()]
    assert {"学信网", "图片采集码", "简项注册", "验证码"} <= set(words)
