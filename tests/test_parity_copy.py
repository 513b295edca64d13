"""The copy lint: Chinese typography, English spelling, Markdown rules, screen labels' marks and lines citing the
source, on fixtures and on the tests' site.

Chinese pages mark screen labels one way, as the office does: 【**姓名**】 for what the student reads, “**注册**” for
what the student selects or types; names and terms stand plain. Each label's mark is on its own line of the label
table; the copy lint names each page line that does not follow it, and each label of the table without a mark."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from fixture_site import SITE

from guide.checks import content
from guide.checks import copy_lint as lint_copy
from guide.checks.__main__ import copy_stage
from guide.sources import ui_labels
from guide.sources.errors import SourceError

DATA = Path(__file__).parent / "data" / "parity"
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


def project(tmp_path: Path, zh: str | None = None, en: str | None = None) -> Path:
    """A copy of tests/data/parity; zh, en: files of its bad/ to use as the pages."""
    root = tmp_path / "site"
    shutil.copytree(DATA, root, ignore=shutil.ignore_patterns("bad"))
    for lang, name in (("zh", zh), ("en", en)):
        if name:
            shutil.copy(DATA / "bad" / name, root / "docs" / f"good.{lang}.md")
    return root


def test_chinese_typography_is_linted_inside_admonitions_too() -> None:
    text = (DATA / "bad" / "bad-typography.zh.md").read_text(encoding="utf-8")
    assert [str(f) for f in lint_copy.lint_chinese(text, "docs/x.zh.md", set())] == [
        "docs/x.zh.md:3: write '在学信网注册 CHSI 账号，只需 3 分钟。' for '在学信网注册CHSI账号,只需3分钟。' [autocorrect]",
        "docs/x.zh.md:7: write '用护照注册 CHSI 账号。' for '用护照注册CHSI账号。' [autocorrect]",
    ]
    label = "华侨身份证/护照(无身份证者可填护照号)"  # UI labels keep the screen's own punctuation
    text = f"2. 在 **证件类型** 中选择 **{label}**。\n"
    assert len(lint_copy.lint_chinese(text, "p.zh.md", set())) == 1
    assert lint_copy.lint_chinese(text, "p.zh.md", {label}) == []


def test_bad_pages_get_spelling_typography_and_markdown_findings(tmp_path: Path) -> None:
    pages, found = lint_copy.lint_project(project(tmp_path, "bad-typography.zh.md", "bad-spelling.en.md"))
    assert pages == ["docs/good.en.md", "docs/good.zh.md"]
    assert [(f.tool, f.path, f.line) for f in found] == [
        ("codespell", "docs/good.en.md", 3),
        ("pymarkdown", "docs/good.en.md", 5),
        ("autocorrect", "docs/good.zh.md", 3),
        ("autocorrect", "docs/good.zh.md", 7),
    ]
    assert found[0].message == "recieve ==> receive"
    assert found[1].message.startswith("MD059 descriptive-link-text")


def test_a_clean_project_is_one_summary_line(tmp_path: Path) -> None:
    stage = copy_stage(project(tmp_path))
    assert (stage.problems, stage.summary) == ([], "copy: 2 pages: 0 findings")
    assert copy_stage(tmp_path).summary == "copy: not checked"  # no mkdocs.yml: the problem line names it


def test_the_tests_site_has_no_copy_findings() -> None:
    assert [str(f) for f in lint_copy.lint_project(SITE)[1]] == []


def test_labels_with_their_marks_pass_and_code_is_not_read(tmp_path: Path) -> None:
    root = project(tmp_path)
    (root / "includes" / "ui-labels.yml").write_text(TABLE, encoding="utf-8")
    (root / "docs" / "good.zh.md").write_text(GOOD, encoding="utf-8")
    assert [f for f in lint_copy.lint_project(root)[1] if f.tool == "label-marks"] == []


def test_each_wrong_label_and_each_citing_line_is_named_with_how_to_write_it(tmp_path: Path) -> None:
    root = project(tmp_path)
    (root / "includes" / "ui-labels.yml").write_text(TABLE + "学号: {gloss: Student ID number, source: quoted}\n",
                                                     encoding="utf-8")
    shutil.copy(SITE / content.PHRASES_FILE, root / content.PHRASES_FILE)
    (root / "docs" / "good.zh.md").write_text(BAD, encoding="utf-8")
    reads, acts = lint_copy.WHAT["brackets"], lint_copy.WHAT["quotes"]
    found = [(f.path, f.line, f.message) for f in lint_copy.lint_project(root)[1]
             if f.tool in ("label-marks", "source-citing")]
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
