"""Chinese pages mark screen labels one way, as the office does: 【**姓名**】 for what the student reads, “**注册**”
for what the student selects or types; names and terms stand plain. Each label's mark is on its own line of the label
table; the copy lint names each page line that does not follow it, and each label of the table without a mark."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
from guide.checks import copy_lint as lint_copy
from guide.checks import label_marks
from guide.sources import ui_labels
from guide.sources.errors import SourceError

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

检查**证件号码**。
"""


def table(tmp_path: Path, text: str = TABLE) -> dict[str, ui_labels.Label]:
    path = tmp_path / "ui-labels.yml"
    path.write_text(text, encoding="utf-8")
    return ui_labels.load_table(path)


def found(page: str, marks: dict[str, str]) -> list[tuple[int, str]]:
    return [(p.line, p.message) for p in label_marks.mark_problems(page, marks)]


def test_each_label_takes_its_mark_from_its_own_line(tmp_path: Path) -> None:
    assert label_marks.marks_of(table(tmp_path)) == {"姓名": "brackets", "未通过": "brackets", "注册": "quotes",
                                                     "方式 3": "quotes", "学信网": "plain"}


def test_labels_with_their_marks_pass_and_code_is_not_read(tmp_path: Path) -> None:
    assert found(GOOD, label_marks.marks_of(table(tmp_path))) == []


def test_each_wrong_label_is_named_with_how_to_write_it(tmp_path: Path) -> None:
    reads, acts = label_marks.WHAT["brackets"], label_marks.WHAT["quotes"]
    assert found(BAD, label_marks.marks_of(table(tmp_path))) == [
        (3, "**学信网** is a name or a term, not screen text: write it as 学信网, without bold"),
        (3, f"**注册** is {acts}: write it as “**注册**”"),
        (5, f"**姓名** is {reads}: write it as 【**姓名**】"),
        (6, f"**方式 3** is {acts}: write it as “**方式 3**”"),
        (6, f"【方式 3】 is marked as {reads}, but it is {acts}: write it as “**方式 3**”"),
        (8, f"“未通过” is marked as {acts}, but it is {reads}: write it as 【**未通过**】"),
        (10, ("**证件号码** is bolded like a screen label, but includes/ui-labels.yml gives it no mark: add it there "
              "with its mark (brackets: what the student reads; quotes: what the student selects or types), or "
              "write it without bold")),
    ]


def test_a_label_without_a_mark_is_named_at_its_line_in_the_table(tmp_path: Path) -> None:
    labels = table(tmp_path, TABLE + "学号: {gloss: Student ID number, source: quoted}\n")
    assert [(p.line, p.message) for p in label_marks.unmarked(labels)] == [
        (7, ("label 学号 has no mark: add 'mark: brackets' (what the student reads), 'mark: quotes' (what the student "
            "selects or types) or 'mark: plain' (a name or a term) to its line"))]


def test_a_mark_that_is_not_one_of_the_three_is_refused_with_the_line(tmp_path: Path) -> None:
    with pytest.raises(SourceError) as err:
        table(tmp_path, TABLE.replace("mark: plain", "mark: bold"))
    assert str(err.value).startswith(f"{tmp_path}/ui-labels.yml:6: label '学信网': mark is 'bold'; write 'mark: brackets'")


def test_the_copy_lint_names_the_page_lines_and_the_unmarked_label(tmp_path: Path) -> None:
    root = tmp_path / "site"
    shutil.copytree(ROOT / "tests" / "data" / "parity", root, ignore=shutil.ignore_patterns("bad"))
    (root / "includes" / "ui-labels.yml").write_text(TABLE + "学号: {gloss: Student ID number, source: quoted}\n",
                                                     encoding="utf-8")
    (root / "docs" / "good.zh.md").write_text(BAD.replace("检查**证件号码**。", "检查证件号码。"), encoding="utf-8")
    _, found_all = lint_copy.lint_project(root)
    marks = [str(f) for f in found_all if f.tool == "label-marks"]
    assert marks[-1].startswith("includes/ui-labels.yml:7: label 学号 has no mark: add 'mark: brackets'")
    assert marks[0] == ("docs/good.zh.md:3: **学信网** is a name or a term, not screen text: write it as 学信网, "
                        "without bold [label-marks]")
    assert len(marks) == 7
