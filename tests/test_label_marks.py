"""Chinese pages mark screen labels one way, as the office does: 【**姓名**】 for what the student reads, “**注册**”
for what the student selects or types; names and terms stand plain. The copy lint names each line that does not."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "label-marks"
from guide.checks import copy_lint as lint_copy
from guide.checks import label_marks
from guide.sources import ui_labels

MARKS = label_marks.load_marks(DATA / "marks.yml")


def found(name: str) -> list[tuple[int, str]]:
    return [(p.line, p.message) for p in label_marks.mark_problems((DATA / name).read_text(encoding="utf-8"), MARKS)]


def test_labels_with_their_marks_pass_and_code_is_not_read() -> None:
    assert found("good.zh.md") == []


def test_each_wrong_label_is_named_with_how_to_write_it() -> None:
    reads, acts = label_marks.WHAT["brackets"], label_marks.WHAT["quotes"]
    assert found("bad.zh.md") == [
        (3, "**学信网** is a name or a term, not screen text: write it as 学信网, without bold"),
        (3, f"**注册** is {acts}: write it as “**注册**”"),
        (5, f"**姓名** is {reads}: write it as 【**姓名**】"),
        (6, f"**方式 3** is {acts}: write it as “**方式 3**”"),
        (6, f"【方式 3】 is marked as {reads}, but it is {acts}: write it as “**方式 3**”"),
        (8, f"“未通过” is marked as {acts}, but it is {reads}: write it as 【**未通过**】"),
        (10, ("**证件号码** is bolded like a screen label, but includes/ui-label-marks.yml does not say how to mark it:"
              " add it under brackets (what the student reads) or quotes (what the student selects or types), or "
              "write it without bold")),
    ]


@pytest.mark.parametrize(("text", "message"), [
    ("brackets: [姓名]\nquotes: [姓名]\n", "marks.yml:2: 姓名 is listed under both brackets and quotes: keep it in one list"),
    ("brackets: [姓名]\nbold: [注册]\n", "marks.yml:2: unknown list 'bold': use brackets, quotes or plain"),
    ("brackets: [姓明]\n", "marks.yml:1: 姓明 is not a label of includes/ui-labels.yml: check the spelling, or add it there first"),
])
def test_a_broken_marks_file_names_its_line(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "marks.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(label_marks.MarksError) as err:
        label_marks.load_marks(path, {"姓名", "注册"})
    assert str(err.value) == f"{tmp_path}/{message}"


def test_the_real_marks_sort_every_label_of_the_table_once() -> None:
    labels = set(ui_labels.load_labels(ROOT / "includes/ui-labels.yml"))
    marks = label_marks.load_marks(ROOT / label_marks.MARKS_FILE, labels)
    assert set(marks) == labels


def test_the_copy_lint_reports_them_on_chinese_pages() -> None:
    text = (DATA / "bad.zh.md").read_text(encoding="utf-8")
    assert [str(f) for f in lint_copy.lint_marks(text, "docs/bad.zh.md", MARKS)][:1] == [
        "docs/bad.zh.md:3: **学信网** is a name or a term, not screen text: write it as 学信网, without bold [label-marks]"]
