"""The corrected search worker: an upgrade of Material that changes its worker fails here, so no fix drops silently."""
from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from mkdocs.exceptions import PluginError

from guide.outputs import search_worker

NODE = shutil.which("node")


def test_materials_worker_is_the_one_the_fixes_were_written_for_and_a_changed_one_stops_the_build() -> None:
    source = search_worker.material_worker().read_text(encoding="utf-8")
    fixed = search_worker.fixed_worker(source)  # raises on another Material release
    for old, new in search_worker.FIXES:
        assert source.count(old) == 1 and old not in fixed and new in fixed
    with pytest.raises(PluginError, match=r"Material was upgraded.*guide/outputs/search_worker\.py"):
        search_worker.fixed_worker(source.replace("o<t.length", "o<=t.length"))


def test_every_page_is_pointed_at_the_corrected_worker() -> None:
    html = ('<script id="__config" type="application/json">{"base": "../", "search": '
            '"../assets/javascripts/workers/search.a7633da7.min.js"}</script>')
    config = json.loads(search_worker.point_pages_at(html, "search.12345678.min.js")
                        .split(">", 1)[1].rsplit("<", 1)[0])
    assert config == {"base": "../", "search": "../assets/javascripts/workers/search.12345678.min.js"}


def segment(fragment: str, query: str, words: list[str]) -> list[str]:
    script = (fragment + f";const index=Object.create(null);for(const w of {json.dumps(words)})index[w]={{}};"
              f"console.log(JSON.stringify([...fe({json.dumps(query)},index)]))")
    return json.loads(subprocess.run([NODE, "-e", script], capture_output=True, text=True, check=True).stdout)


@pytest.mark.skipif(NODE is None, reason="node is not installed")
@pytest.mark.parametrize(("query", "words", "expected"), [
    ("核验失败", ["核验", "失败"], ["核验", "失败"]),
    ("学信网注册", ["学信", "学信网", "注册"], ["学信网", "注册"]),
    ("护照号填错", ["护照", "填错"], ["护照", "填错"]),  # 号 is unknown: stepped over
    ("核验", ["核验"], ["核验"]),
    ("火星", ["核验"], ["火星"]),  # nothing known: searched as typed
])
def test_the_corrected_segmenter_uses_every_word(query: str, words: list[str], expected: list[str]) -> None:
    assert segment(search_worker.SEGMENTER_FIXED, query, words) == expected


@pytest.mark.skipif(NODE is None, reason="node is not installed")
def test_materials_segmenter_drops_the_last_word() -> None:
    """What the fix is for: if Material's own segmenter found every word, the fix would no longer be needed."""
    assert segment(search_worker.SEGMENTER, "核验失败", ["核验", "失败"]) == ["核验"]


@pytest.mark.skipif(NODE is None, reason="node is not installed")
def test_a_word_one_letter_apart_counts_as_held_and_two_letters_do_not() -> None:
    pairs = [("screenshoot", "screenshot"), ("pasport", "passport"), ("regster", "register"),
             ("verifcation", "verification"), ("chose", "choose"), ("passport", "passport"),
             ("pasprt", "passport"), ("regstr", "register"), ("email", "e-mails")]
    script = (search_worker.ONE_LETTER_APART + f";console.log(JSON.stringify({json.dumps(pairs)}"
              ".map(([a, b]) => ed1(a, b))))")
    found = json.loads(subprocess.run([NODE, "-e", script], capture_output=True, text=True, check=True).stdout)
    assert found == [True, True, True, True, True, True, False, False, False]
