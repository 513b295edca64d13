"""The parity check: one fixture drift at a time gives exactly its report line; the tests' site gives none; and what
it reads from one page, over the pure functions."""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from fixture_site import SITE

from guide.checks import parity
from guide.checks.__main__ import parity_stage

DATA = Path(__file__).parent / "data" / "parity"
SUMMARY = "parity: 1 pages in 2 languages (zh, en): {} problems, {} warnings"


def fixture_project(tmp_path: Path, en: str | None = None) -> Path:
    """A copy of the fixture site; en: a file of tests/data/parity/bad/ to use as the English page."""
    root = tmp_path / "site"
    shutil.copytree(DATA, root, ignore=shutil.ignore_patterns("bad"))
    if en:
        shutil.copy(DATA / "bad" / en, root / "docs" / "good.en.md")
    # The pages link the facts by name ([words][chsi-home]), as the guide's pages do.
    shutil.copy(SITE / "includes" / "facts.yml", root / "includes" / "facts.yml")
    return root


def run(root: Path) -> list[str]:
    """make check's parity stage as it prints: warnings, problems, its summary line."""
    stage = parity_stage(root)
    return [*stage.before, *stage.problems, stage.summary]


@pytest.mark.parametrize(("bad", "lines"), [
    (None, []),
    ("bad-heading-count.en.md", ["docs/good.en.md:16: heading ## {#checklist} of docs/good.zh.md:30 is missing here"]),
    ("bad-heading-id.en.md",
     ["docs/good.en.md:9: heading ## {#open-form} where docs/good.zh.md:9 has ## {#open-the-form}"]),
    ("bad-step-count.en.md",
     ["docs/good.en.md:9: section #open-the-form has 3 numbered steps, docs/good.zh.md:9 has 2"]),
    ("bad-checklist.en.md",
     ["docs/good.en.md:30: section #checklist has 1 checklist item, docs/good.zh.md:30 has 2"]),
    ("bad-admonition.en.md", ["docs/good.en.md:26: admonition !!! tip is not in docs/good.zh.md",
                              "docs/good.en.md:26: admonition !!! warning of docs/good.zh.md:26 is missing here"]),
    ("bad-image.en.md", ["docs/good.en.md:14: image form-old.png is not in docs/good.zh.md",
                         "docs/good.en.md:14: image form.png of docs/good.zh.md:14 is missing here"]),
    ("bad-links.en.md", ["docs/good.en.md:9: link [chsi-home] of docs/good.zh.md:11 is missing here",
                         "docs/good.en.md:11: link https://www.chsi.cn/ is not in docs/good.zh.md",
                         "docs/good.en.md:16: link phone +861067410388 of docs/good.zh.md:28 is missing here",
                         "docs/good.en.md:28: link phone +861068352057 is not in docs/good.zh.md"]),
    ("bad-undefined-ref.en.md", [
        "docs/good.en.md:9: link [chsi-home] of docs/good.zh.md:11 is missing here",
        "docs/good.en.md:11: reference [chsi-homepage] is not defined in includes/facts.yml: it would show as plain text"]),
    ("bad-gloss.en.md", [("docs/good.en.md:12: UI label **注册** is glossed '(Sign up)' "
                          "but includes/ui-labels.yml says '(Register)'")]),
])
def test_each_drift_is_one_report_line(tmp_path: Path, bad: str | None, lines: list[str]) -> None:
    assert run(fixture_project(tmp_path, en=bad)) == [*lines, SUMMARY.format(len(lines), 0)]


def test_a_page_in_one_language_only_is_left_to_the_content_stage(tmp_path: Path) -> None:
    """The content stage names the missing file (tests/test_check_content.py): make check says it once."""
    root = fixture_project(tmp_path)
    (root / "docs" / "good.en.md").unlink()
    assert run(root) == [SUMMARY.format(0, 0)]


def test_a_label_no_english_page_uses_is_reported(tmp_path: Path) -> None:
    root = fixture_project(tmp_path)
    with (root / "includes" / "ui-labels.yml").open("a", encoding="utf-8") as table:
        table.write("找回密码: {gloss: Recover password, source: quoted}\n")
    assert run(root)[0] == (
        "includes/ui-labels.yml:5: label 找回密码 is used on no English page and drawn in no picture: remove it")


def test_a_page_changed_after_its_translation_is_a_warning(tmp_path: Path) -> None:
    root = fixture_project(tmp_path)
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org")

    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)

    git("init", "-q")
    git("add", ".")
    git("commit", "-q", "-m", "both languages")
    zh = root / "docs" / "good.zh.md"
    zh.write_text(zh.read_text(encoding="utf-8").replace("只需几分钟", "只需五分钟"), encoding="utf-8")
    git("commit", "-q", "-am", "Chinese only")
    out = run(root)
    assert out[0].startswith("docs/good.en.md: warning: possibly outdated: docs/good.zh.md changed in a later commit (")
    assert out[-1] == SUMMARY.format(0, 1)


def test_the_tests_site_has_no_parity_problems() -> None:
    problems, _warnings, summary = parity.check_project(SITE)
    assert problems == [] and "in 2 languages (zh, en)" in summary


def test_headings_without_ids_and_labels_missing_from_the_other_page(tmp_path: Path) -> None:
    root = fixture_project(tmp_path)
    zh = root / "docs" / "good.zh.md"
    text = zh.read_text(encoding="utf-8")
    zh.write_text(text.replace("## 出发前 {#checklist}", "## 出发前").replace("选择 **立即注册**", "注册吧"),
                  encoding="utf-8")
    assert run(root) == [
        "docs/good.en.md:30: heading ## {#checklist} where docs/good.zh.md:30 has ## 出发前",
        "docs/good.en.md:35: UI label **立即注册** does not occur in docs/good.zh.md",
        "docs/good.zh.md:30: heading '出发前' has no explicit id: add {#some-id}, the same in every language",
        SUMMARY.format(3, 0)]


@pytest.mark.parametrize(("line", "found", "undefined"), [
    ("Open [CHSI][chsi-home].", ["[chsi-home]"], []),
    ("Open [CHSI][Chsi-Home] or [chsi-home][].", ["[chsi-home]", "[chsi-home]"], []),
    ("Write to [kefu-email].", ["[kefu-email]"], []),
    ("See [CHSI][chsi-homepage].", [], ["[chsi-homepage]"]),
    ("Go to <https://www.chsi.com.cn/help/> now.", ["https://www.chsi.com.cn/help/"], []),
    ("Mail kefu@chsi.com.cn or call +86 10 6835 2057.", ["e-mail kefu@chsi.com.cn", "phone +861068352057"], []),
    ("Call 010-67410388 before 2026-11-28 (pages 3-4).", ["phone 01067410388"], []),  # a date, short numbers
    ("- [ ] Passport.", [], []),
    ("`[x][chsi-home]` is code.", [], []),
    ("[Next page](register.md#open-the-form)", [], []),
])
def test_addresses(line: str, found: list[str], undefined: list[str]) -> None:
    assert parity.addresses(line, {"chsi-home", "kefu-email"}) == (found, undefined)


@pytest.mark.parametrize(("src", "locale", "key"), [
    ("images/register-01-form.png", "en", "register-01-form.png"),
    ("../../downloads/qr-guide-en.svg", "en", "qr-guide-{lang}.svg"),
    ("../downloads/qr-guide-zh.svg", "zh", "qr-guide-{lang}.svg"),
    ("images/zhen-en.png", "zh", "zhen-en.png"),  # zh only as a whole name part
])
def test_image_key(src: str, locale: str, key: str) -> None:
    assert parity.image_key(src, locale) == key


def test_parse_page_sections_and_skipped_text() -> None:
    page = ("---\ntitle: T\n---\n# 标题 {#top-id}\n## 方式 3 { #method-3 .extra }\n1. 选择 **方式 3**。\n<!--\n2. not a step\n"
            "-->\n```\n3. not a step\n## not a heading\n```\n### 细节\n2. 再选择。")
    facts = parity.parse_page(page, set(), {"方式 3"})
    assert facts.headings == [parity.Heading(4, 1, "top-id", "标题"), parity.Heading(5, 2, "method-3", "方式 3"),
                              parity.Heading(14, 3, None, "细节")]
    assert [(s.line, s.section) for s in facts.steps] == [(6, "method-3"), (15, "method-3")]
    assert [(label.line, label.value) for label in facts.labels] == [(6, "方式 3")]
