"""Chinese UI labels in English pages: one gloss per label, everywhere, or make check and the build name file:line.
That the real build refuses such a page is tests/test_office_edits.py's (a label without its gloss, through the same
content checks) and tests/test_check_rules.py's; that every label is used is the parity rule (tests/test_parity.py)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import site_sources
from fixture_site import SITE

from guide.sources import markup, ui_labels
from guide.sources.errors import SourceError

LABELS = {"立即注册": "Register now", "华侨身份证/护照(无身份证者可填护照号)": "Overseas Chinese ID card/passport (passport number if no ID card)"}


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("Select **立即注册** (Register now).", None),
        ("Select **立即注册**{ lang=zh-Hans } (Register now).", None),
        ("Select **Next**.", None),
        ("Select **立即注册**.", ("page.en.md:7: UI label **立即注册** is first mentioned here and needs its gloss right "
                                "after it: ' (Register now)'")),
        ("Select **立即注册** (Sign up).", "page.en.md:7: UI label **立即注册** is glossed '(Sign up)' but"),
        ("Select **注册** (Register).", "page.en.md:7: unknown UI label **注册**: add it to includes/ui-labels.yml"),
        ("Go to 学信网 first.", "page.en.md:7: Chinese text outside a bold UI label (学信网)"),
        (("Choose **华侨身份证/护照(无身份证者可填护照号)** "
          "(Overseas Chinese ID card/passport (passport number if no ID card))."), None),
        ("`学信网` in code is left alone, and so is <!-- 注释 -->.", None),
        ("```\n学信网\n```\nText.", None),  # fenced code is not checked
    ],
)
def test_check_english_line(line: str, problem: str | None) -> None:
    _, problems = ui_labels.check_english(line, LABELS, "page.en.md", 7)
    if problem is None:
        assert problems == []
    else:
        assert len(problems) == 1 and problems[0].startswith(problem), problems


def test_labels_get_a_chinese_lang_attribute() -> None:
    fixed, _ = ui_labels.check_english("Select **立即注册** (Register now).", LABELS, "p.en.md", 1)
    assert fixed == "Select **立即注册**{ lang=zh-Hans } (Register now)."


@pytest.mark.parametrize(("line", "message"), [
    ("重新获取: [unclosed", "ui-labels.yml:3: not valid YAML"),  # the parser stops at the end of the file
    ("重新获取: {source: quoted}", "ui-labels.yml:2: label '重新获取' needs a one-line English gloss"),
    ("重新获取: Get again", "ui-labels.yml:2: label '重新获取': write it as '重新获取: {gloss: English meaning, source: quoted}'"),
    ("重新获取: {gloss: Get again}", ("ui-labels.yml:2: label '重新获取': source is None; write 'source: quoted' if the "
                                    "office's guide names it, else 'source: assumption'")),
    ("重新获取: {gloss: Get again, source: guessed}", "ui-labels.yml:2: label '重新获取': source is 'guessed'"),
    ("重新获取: {gloss: Get again, source: quoted, note: x}", "ui-labels.yml:2: label '重新获取': unknown field 'note'"),
])
def test_a_malformed_table_or_label_names_file_and_line(tmp_path: Path, line: str, message: str) -> None:
    table = tmp_path / "ui-labels.yml"
    table.write_text(f"立即注册: {{gloss: Register now, source: quoted}}\n{line}\n", encoding="utf-8")
    with pytest.raises(SourceError) as err:
        ui_labels.load_labels(table)
    assert str(err.value).startswith(str(table.parent / message.split(":")[0]) + ":" + message.split(":", 1)[1])


TABLE = {"国家或地区": ui_labels.Label("Country or region", "assumption", 3),
         "立即注册": ui_labels.Label("Register now", "quoted", 4)}


ASSUMED = "p.md:5: **国家或地区** is marked 'source: assumption' in includes/ui-labels.yml, so the screen may not show it"


@pytest.mark.parametrize(("line", "problem"), [
    ("Choose **国家或地区** (Country or region).", ASSUMED),
    # Saying where the label came from is no way out for the student (and pages never cite their source).
    ("Choose **国家或地区** (Country or region), a label not named in the office's guide.", ASSUMED),
    ("选择**国家或地区**（本校指南未提及）。", ASSUMED),
    ("Choose **国家或地区** (Country or region). Not there? Call {{ hotline-en }}.", None),
    ("Choose **国家或地区** (Country or region). Not there? [Call CHSI][hotline-en].", None),
    ("Choose **国家或地区** (Country or region). Not there? [Call CHSI](contact.md#hotlines).", None),
    ("选择**国家或地区**。找不到时，请[拨打学信网客服电话](../contact.md#hotlines)。", None),
    ("Choose **国家或地区**, as in [the register page](register.md).", ASSUMED),
    ("Select **立即注册** (Register now).", None),
])
def test_an_assumed_label_appears_only_with_a_way_to_get_help(line: str, problem: str | None) -> None:
    found = ui_labels.assumption_problems(line, TABLE, "p.md", 5)
    assert (found == []) if problem is None else (len(found) == 1 and found[0].startswith(problem)), found


def test_glossary_lists_every_label_in_both_languages(built_site: Path) -> None:
    labels = ui_labels.load_labels(SITE / ui_labels.TABLE_FILE)
    for prefix in ("", "en/"):
        html = (built_site / site_sources.current(prefix + "glossary/") / "index.html").read_text(encoding="utf-8")
        # Each label is followed by its copy button (guide/rendering/copy_buttons.py).
        rows = re.findall(r"<tr>\s*<td><strong[^>]*>(.*?)</strong>(?:<button [^>]*>[^<]*</button>)?</td>\s*<td>(.*?)</td>",
                          html, re.DOTALL)
        assert [(label, gloss) for label, gloss in rows] == [
            (label.replace("<", "&lt;"), gloss) for label, gloss in labels.items()
        ]


def test_tabs_titled_with_a_label_get_the_glosss_slug() -> None:
    slugify = ui_labels.tab_slug({"方式 3": "Method 3"})
    assert slugify("方式 3", "-") == "method-3"
    assert slugify("Method 3", "-") == "method-3"
    assert slugify("<span>Mainland number</span>", "-") == "mainland-number"


@pytest.mark.parametrize(
    ("source", "lines"),
    [("# Title\n", 0), ('---\ndescription: "x"\n---\n\n# Title\n', 4), ('---\ndescription: "x"\n---\n# Title\n', 3)],
)
def test_front_matter_lines_counts_what_mkdocs_strips(source: str, lines: int) -> None:
    assert markup.front_matter_lines(source) == lines


def test_a_chinese_page_bolding_a_label_the_table_lacks_is_named() -> None:
    text = "点击**立即注册**。\n\n在**账户设置**页面修改。\n\n```\n**代码里的**\n```"
    assert ui_labels.check_chinese(text, LABELS, "docs/x.zh.md", 5) == [
        ("docs/x.zh.md:7: **账户设置** is bolded like a screen label but is not in includes/ui-labels.yml: add it there "
        "(with its English gloss and source) or write it without bold")]
