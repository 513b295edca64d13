"""The student's words from includes/ui-labels.yml reach the right entries of the search index (pure functions; the
browser test in tests/test_check_search_ranking.py checks that real queries then find the answer first)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from fixture_site import SITE

from guide.outputs import search_synonyms as ss
from guide.sources import site_config
from guide.sources.errors import SourceError

CONFIG = site_config.read(SITE)
LANGUAGES = tuple(CONFIG.codes)  # the tests site's: zh (default, at the root), en
FOLDERS = CONFIG.roots
NAMES = {"en": "English", "zh": "Chinese"}


def doc(location: str, title: str, text: str, boost: float | None = None) -> dict:
    entry = {"location": location, "title": title, "text": text}
    if boost is not None:
        entry["boost"] = boost
    return entry


def parse(text: str) -> list[ss.Synonyms]:
    return ss.parse_synonyms(text, Path("ui-labels.yml"), LANGUAGES)


@pytest.mark.parametrize(("text", "words", "found"), [
    ("select \u200b注册\u200b (register)", "注册", True),
    ("select \u200b立即注册\u200b (register now)", "注册", False),  # part of a longer label
    ("edit your name", "edit", True),
    ("your credit", "edit", False),
    ("about 3-4 working hours.", "3-4 working hours", True),
])
def test_words_are_found_only_whole(text: str, words: str, found: bool) -> None:
    assert ss.holds(text, words) is found


# Each case: the index's entries, the synonyms, the pages in nav order, and the words each entry gets.
PLACEMENTS = [
    pytest.param([doc("en/register/", "Register", "<p>\u200b未通过\u200b (Not passed) somewhere</p>"),
                  doc("en/verify-identity/#not-passed", "If the result is “Not passed”", "<p>\u200b未通过\u200b</p>"),
                  doc("en/glossary/", "Glossary", "<p>\u200b未通过\u200b</p>", boost=0.5)],
                 [ss.Synonyms("en", "未通过", ("failed",), "Not passed")], ["register/", "verify-identity/", "glossary/"],
                 [None, "failed", None], id="a label: the one section whose heading names it"),
    pytest.param([doc("en/locked-out/#plan-1", "Plan 1", "obtain your \u200b图片采集码\u200b"),
                  doc("en/#what-you-get", "What you get", "obtain your \u200b图片采集码\u200b")],
                 [ss.Synonyms("en", "图片采集码", ("photo code",), "Code for photo-taking")], ["", "locked-out/"],
                 [None, "photo code"], id="a label without a heading: its first section in nav order"),
    pytest.param([doc("en/locked-out/", "Cannot edit or locked out", ""),
                  doc("en/contact/#email", "Service e-mail", "if you are locked out, e-mail"),
                  doc("en/locked-out/#plan-1", "Plan 1", "about 3-4 working hours"),
                  doc("en/checklist/#steps", "Steps", "about 3-4 working hours", boost=0.5),
                  doc("locked-out/#plan-1", "方案一", "约需 3-4 \u200b个\u200b小时")],
                 [ss.Synonyms("en", "locked out", ("account locked",)),
                  ss.Synonyms("en", "3-4 working hours", ("how long",)), ss.Synonyms("zh", "3-4 个小时", ("多久",))],
                 None, ["account locked", None, "how long", None, "多久"],
                 id="a phrase: every section showing it, unless a heading names it"),
    pytest.param([doc("troubleshooting/#phone-number-used", "手机号码重复", "<p>\u200b手机号\u200b</p>"),
                  doc("troubleshooting/#id-number-registered", "证件号码已被注册", "")],
                 [ss.Synonyms("zh", "手机号码重复", ("手机号已被注册",)), ss.Synonyms("zh", "证件号码已被注册", ("已被注册",))],
                 None, ["手机号已被注册 / 手机号 / 已被注册", "已被注册"], id="a phrase typed with a space: its words too"),
    pytest.param([doc("en/locked-out/#plan-2", "Plan 2: e-mail CHSI", "<p>(3) \u200b用户名\u200b (Account Name)</p>"),
                  doc("en/locked-out/#account-name", "Item 3: Account Name", "<p>Write the name you log in with.</p>")],
                 [ss.Synonyms("en", "用户名", ("username",), "Account Name")], ["locked-out/"],
                 [None, "username / 用户名"], id="a section naming a label by its gloss holds the label too"),
]


@pytest.mark.parametrize(("docs", "synonyms", "nav", "expected"), PLACEMENTS)
def test_the_students_words_go_to_the_sections_that_answer(docs: list[dict], synonyms: list[ss.Synonyms],
                                                           nav: list[str] | None, expected: list[str | None]) -> None:
    index = {"docs": docs}
    cut = {"个小时": ["个", "小时"]}  # Chinese cut as jieba would, where the case needs it
    assert ss.add_synonyms(index, synonyms, FOLDERS, cut=lambda run: cut.get(run, [run]), nav_slugs=nav) == []
    assert [d.get(ss.FIELD) for d in index["docs"]] == expected
    assert index["config"]["fields"][ss.FIELD] == {"boost": ss.FIELD_BOOST}


def test_words_for_text_no_page_shows_any_more_stop_the_build_with_the_line() -> None:
    synonyms = parse("注册: {gloss: Register, source: quoted}\nsearch:\n  en:\n    does not arrive: [not received]\n")
    index = {"docs": [doc("en/troubleshooting/#no-sms-code", "The SMS code never comes", "")]}
    problems = ss.unmatched_problems(ss.add_synonyms(index, synonyms, FOLDERS), NAMES)
    assert problems == [("ui-labels.yml:4: search words for 'does not arrive': no English page shows 'does not arrive' "
                         "any more (a page was reworded?): write the words as a page now shows them, or remove the "
                         "entry")]


@pytest.mark.parametrize(("text", "message"), [
    ("注册: {gloss: Register, source: quoted, search: [sign up]}\n", r"ui-labels\.yml:1: label '注册': give the words"),
    ("注册: {gloss: Register, source: quoted, search: {fr: [x]}}\n", r"ui-labels\.yml:1: .*languages: zh, en"),
    ("注册: {gloss: Register, source: quoted, search: {en: sign up}}\n", r"ui-labels\.yml:1: label '注册', en: write"),
    ("search:\n  en: [how long]\n", r"ui-labels\.yml:1: search: en: write"),
])
def test_malformed_search_words_name_the_line_and_what_to_write(text: str, message: str) -> None:
    with pytest.raises(SourceError, match=message):
        parse(text)


def test_a_third_language_of_mkdocs_yml_gets_its_own_words_in_its_own_pages() -> None:
    folders = {**FOLDERS, "fr": "fr/"}
    synonyms = ss.parse_synonyms("注册: {gloss: Register, search: {fr: [inscription], en: [sign up]}}",
                                 Path("ui-labels.yml"), (*LANGUAGES, "fr"))
    index = {"docs": [doc("fr/register/", "S'inscrire (Register)", "\u200b注册\u200b"),
                      doc("en/register/", "Register", "\u200b注册\u200b"),
                      doc("register/", "注册", "\u200b注册\u200b")]}
    assert ss.add_synonyms(index, synonyms, folders, nav_slugs=["register/"]) == []
    assert [d.get(ss.FIELD) for d in index["docs"]] == ["inscription", "sign up", None]
    assert [ss.doc_language(d["location"], folders) for d in index["docs"]] == ["fr", "en", "zh"]


def test_the_built_index_carries_the_words_in_a_field_material_indexes(built_site: Path) -> None:
    for index_file in (built_site / "search" / "search_index.json", built_site / "en" / "search" / "search_index.json"):
        index = json.loads(index_file.read_text(encoding="utf-8"))
        assert index["config"]["fields"][ss.FIELD] == {"boost": ss.FIELD_BOOST}
        assert any(d.get(ss.FIELD) for d in index["docs"])
        assert not any(d.get(ss.FIELD) for d in index["docs"] if d.get("boost", 1) <= ss.NO_TASK_BOOST)


def test_a_chinese_phrase_also_brings_the_longer_known_words_it_is_made_of() -> None:
    known = {"手机号", "已被注册", "注册", "已", "被"}
    assert ss.parts("手机号已被注册", known) == ["手机号", "已被注册"]
    assert ss.parts("登录失败", {"登录", "失败"}) == ["登录", "失败"]
    # The whole phrase first; its parts of three characters or more after it; short common words are left out.
    assert ss.with_parts(["手机号已被注册", "号码被占用"], known) == ["手机号已被注册", "手机号", "已被注册", "号码被占用"]
    assert ss.with_parts(["登录失败", "login"], {"登录", "失败"}) == ["登录失败", "login"]
