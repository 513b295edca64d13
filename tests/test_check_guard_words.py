"""make check keeps the words of CONTENT-QUESTIONS.md off the pages: a guess at an open question's answer, named
with the page's line, until the question's row is deleted; and the words the pages never use."""
from __future__ import annotations

import shutil
from pathlib import Path

from guide.checks import guard_words

PROJECT = Path(__file__).parent / "data" / "checks" / "project"


def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(PROJECT, root)
    return root


def append(path: Path, text: str) -> int:
    """Add a paragraph to a page; the number of its line."""
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([*lines, "", text]) + "\n", encoding="utf-8")
    return len(lines) + 2


def test_clean_pages_pass() -> None:
    assert guard_words.guard_problems(PROJECT) == []


def test_a_guess_at_an_open_question_is_named_until_the_question_is_answered(tmp_path: Path) -> None:
    root = project(tmp_path)
    line = append(root / "docs" / "contact.en.md", "The hotlines answer from 9:00 to 17:00 (utc+8).")
    assert guard_words.guard_problems(root) == [
        (f'docs/contact.en.md:{line}: "UTC+8": question 1 of CONTENT-QUESTIONS.md (line 5) is still open: do not '
        "guess the answer; tell the student what to do instead (which line to call). If the office has answered it, "
        "delete the question's row in CONTENT-QUESTIONS.md; if the words mean something else here, make the "
        "words in the row's last cell more precise")]
    questions = root / "CONTENT-QUESTIONS.md"
    questions.write_text("\n".join(line for line in questions.read_text(encoding="utf-8").splitlines()
                                   if not line.startswith("| 1 |")) + "\n", encoding="utf-8")
    assert guard_words.guard_problems(root) == []


def test_each_guard_word_of_a_question_counts_and_templates_and_facts_are_read(tmp_path: Path) -> None:
    root = project(tmp_path)
    line = append(root / "docs" / "contact.zh.md", "服务时间为北京时间9:00至17:00。")
    (root / "overrides" / "main.html").write_text("<p>Open 9-17 UTC+8</p>\n", encoding="utf-8")
    facts = root / "includes" / "facts.yml"
    facts.write_text(facts.read_text(encoding="utf-8").replace("closing: Problem", "closing: Call 9-17 (UTC+8)")
                     + "# a comment may say UTC+8: the pages never show it\n", encoding="utf-8")
    found = guard_words.guard_problems(root)
    assert [problem.split(": ")[0:2] for problem in found] == [
        [f"docs/contact.zh.md:{line}", '"北京时间"'], ["overrides/main.html:1", '"UTC+8"'],
        ["includes/facts.yml:13", '"UTC+8"']]


def test_words_the_pages_never_use_are_named_with_the_reason(tmp_path: Path) -> None:
    root = project(tmp_path)
    line = append(root / "docs" / "register.zh.md", "然后按页面提示操作。")
    assert guard_words.guard_problems(root) == [
        (f'docs/register.zh.md:{line}: "按页面提示": CONTENT-QUESTIONS.md (line 12) says the pages never use these '
        "words (it tells the student nothing: name the button or the field): rewrite the sentence")]


def test_a_row_with_a_cell_missing_is_named(tmp_path: Path) -> None:
    root = project(tmp_path)
    questions = root / "CONTENT-QUESTIONS.md"
    questions.write_text(questions.read_text(encoding="utf-8").replace(
        "| 2 | Where does a student get the code? | `index#what-you-get` | |",
        "| 2 | Where does a student get the code? |"), encoding="utf-8")
    found = guard_words.guard_problems(root)
    assert len(found) == 1 and found[0].startswith("CONTENT-QUESTIONS.md:6: question 2 has 2 cells, the table has 4")


def test_without_the_file_there_is_nothing_to_guard(tmp_path: Path) -> None:
    root = project(tmp_path)
    (root / "CONTENT-QUESTIONS.md").unlink()
    append(root / "docs" / "contact.en.md", "Open 9-17 UTC+8.")
    assert guard_words.guard_problems(root) == []
