"""Translation parity and the copy lint on the small project of tests/data/parity: one mistake, one report line."""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from fixture_site import SITE

from guide.checks import content, parity
from guide.checks import copy_lint as lint_copy
from guide.checks.__main__ import copy_stage, parity_stage
from guide.sources import ui_labels
from guide.sources.errors import SourceError

DATA = Path(__file__).parent / "data" / "parity"
SUMMARY = "parity: 1 pages in 2 languages (zh, en): {} problems, {} warnings"
def fixture_project(tmp_path: Path, en: str | None = None, zh: str | None = None) -> Path:
    """A copy of tests/data/parity; en, zh: files of its bad/ to use as the pages."""
    root = tmp_path / "site"
    shutil.copytree(DATA, root, ignore=shutil.ignore_patterns("bad"))
    for lang, name in (("zh", zh), ("en", en)):
        if name:
            shutil.copy(DATA / "bad" / name, root / "docs" / f"good.{lang}.md")
    # The pages link the facts by name ([words][chsi-home]), as the guide's pages do.
    shutil.copy(SITE / "includes" / "facts.yml", root / "includes" / "facts.yml")
    return root


def run(root: Path) -> list[str]:  # make check's parity stage as it prints: warnings, problems, its summary line
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
    # The content stage names the missing file (tests/test_check_content.py): make check says it once.
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
    assert [(s.line, s.section) for s in facts.items["numbered step"]] == [(6, "method-3"), (15, "method-3")]
    assert [(label.line, label.value) for label in facts.items["label"]] == [(6, "方式 3")]


# --- the copy lint ------------------------------------------------------------------------------------------------

TABLE = """# The labels, each with its mark.
姓名: {gloss: Name, source: quoted, mark: brackets}
未通过: {gloss: Not passed, source: quoted, mark: brackets}
注册: {gloss: Register, source: quoted, mark: quotes}
方式 3: {gloss: Method 3, source: quoted, mark: quotes}
学信网: {gloss: CHSI, source: quoted, mark: plain}
"""
GOOD = """# 注册 {#register}

在学信网点击“**注册**”。

1. 【**姓名**】按邮件填写。
2. 点击“**方式 3**”。

## 核验未通过时 {#not-passed}

结果显示【未通过】时，检查【**姓名**】。

```text
**注册** in code is not checked
```

=== "方式 3"

    `**学信网**` in a code span is not checked.
"""
BAD = """# 注册 {#register}

在**学信网**点击**注册**。

1. 在**姓名**中填写。
2. 点击【**方式 3**】。

## 结果显示“未通过” {#not-passed}

检查**证件号码**。本校指南没有说明。
"""


def test_bad_pages_get_spelling_typography_and_markdown_findings(tmp_path: Path) -> None:
    pages, found = lint_copy.lint_project(fixture_project(tmp_path, "bad-spelling.en.md", "bad-typography.zh.md"))
    assert pages == ["docs/good.en.md", "docs/good.zh.md"]
    assert [(tool, path, line) for path, line, tool, _ in found] == [
        ("codespell", "docs/good.en.md", 3),
        ("pymarkdown", "docs/good.en.md", 5),
        ("autocorrect", "docs/good.zh.md", 3),  # line 7 is inside an admonition: linted too
        ("autocorrect", "docs/good.zh.md", 7),
    ]
    messages = [message for *_, message in found]
    assert messages[0] == "recieve ==> receive"
    assert messages[1].startswith("MD059 descriptive-link-text")
    assert messages[2:] == ["write '在学信网注册 CHSI 账号，只需 3 分钟。' for '在学信网注册CHSI账号,只需3分钟。'",
                                             "write '用护照注册 CHSI 账号。' for '用护照注册CHSI账号。'"]


def test_ui_labels_keep_the_screens_own_punctuation() -> None:
    label = "华侨身份证/护照(无身份证者可填护照号)"
    text = f"2. 在 **证件类型** 中选择 **{label}**。\n"
    assert len(lint_copy.lint_chinese(text, "p.zh.md", set())) == 1
    assert lint_copy.lint_chinese(text, "p.zh.md", {label}) == []


def test_a_clean_project_is_one_summary_line_and_labels_with_their_marks_pass_and_code_is_not_read(tmp_path: Path) -> None:
    root = fixture_project(tmp_path)
    stage = copy_stage(root)
    assert (stage.problems, stage.summary) == ([], "copy: 2 pages: 0 findings")
    assert copy_stage(tmp_path).summary == "copy: not checked"  # no mkdocs.yml: the problem line names it
    (root / "includes" / "ui-labels.yml").write_text(TABLE, encoding="utf-8")
    (root / "docs" / "good.zh.md").write_text(GOOD, encoding="utf-8")
    assert [f for f in lint_copy.lint_project(root)[1] if f[2] == "label-marks"] == []


def test_each_wrong_label_and_each_citing_line_is_named_with_how_to_write_it(tmp_path: Path) -> None:
    root = fixture_project(tmp_path)
    (root / "includes" / "ui-labels.yml").write_text(TABLE + "学号: {gloss: Student ID number, source: quoted}\n",
                                                     encoding="utf-8")
    shutil.copy(SITE / content.PHRASES_FILE, root / content.PHRASES_FILE)
    (root / "docs" / "good.zh.md").write_text(BAD, encoding="utf-8")
    reads, acts = lint_copy.WHAT["brackets"], lint_copy.WHAT["quotes"]
    found = [(path, line, message) for path, line, tool, message in lint_copy.lint_project(root)[1]
             if tool in ("label-marks", "source-citing")]
    assert found == [
        ("docs/good.zh.md", 3, "**学信网** is a name or a term, not screen text: write it as 学信网, without bold"),
        ("docs/good.zh.md", 3, f"**注册** is {acts}: write it as “**注册**”"),
        ("docs/good.zh.md", 5, f"**姓名** is {reads}: write it as 【**姓名**】"),
        ("docs/good.zh.md", 6, f"**方式 3** is {acts}: write it as “**方式 3**”"),
        ("docs/good.zh.md", 6, f"【方式 3】 is marked as {reads}, but it is {acts}: write it as “**方式 3**”"),
        ("docs/good.zh.md", 8, f"“未通过” is marked as {acts}, but it is {reads}: write it as 【**未通过**】"),
        ("docs/good.zh.md", 10, ("**证件号码** is bolded like a screen label, but includes/ui-labels.yml gives it no "
                                 "mark: add it there with its mark (brackets: what the student reads; quotes: what the "
                                 "student selects or types), or write it without bold")),
        ("docs/good.zh.md", 10, f"'本校指南': {content.ADVICE}"),
        ("includes/ui-labels.yml", 7, ("label 学号 has no mark: add 'mark: brackets' (what the student reads), "
                                       "'mark: quotes' (what the student selects or types) or 'mark: plain' (a name or "
                                       "a term) to its line")),
    ]


def test_a_mark_that_is_not_one_of_the_three_is_refused_with_the_line(tmp_path: Path) -> None:
    path = tmp_path / "ui-labels.yml"
    path.write_text(TABLE.replace("mark: plain", "mark: bold"), encoding="utf-8")
    with pytest.raises(SourceError) as err:
        ui_labels.load_table(path)
    assert str(err.value).startswith(f"{tmp_path}/ui-labels.yml:6: label '学信网': mark is 'bold'; write 'mark: brackets'")
