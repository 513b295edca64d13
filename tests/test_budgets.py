"""Word budgets: a task page over its words, or a long label bolded a third time, fails with the file and what to do."""
from __future__ import annotations

from pathlib import Path

from guide.checks import budgets as check_budgets
from guide.checks.__main__ import budgets_stage


def write(folder: Path, name: str, body: str) -> Path:
    path = folder / name
    path.write_text(f'---\ndescription: "x"\n---\n\n# Title {{#title}}\n\n{body}\n', encoding="utf-8")
    return path


def test_the_table_lists_each_page_pair_and_the_pages_together(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    write(docs, "register.en.md", "word " * 10)
    write(docs, "register.zh.md", "字" * 20)
    write(docs, "glossary.en.md", "word " * 5)
    stage = budgets_stage(tmp_path)  # as make check prints it
    assert [line.split() for line in [*stage.before, *stage.problems, stage.summary]] == [
        ["page", "en", "words", "zh", "chars", "budget"],
        ["glossary", "6", "0", "reference", "(not", "budgeted)"],
        ["register", "11", "20", "task"],
        ["task", "pages", "together", "11", "20", "at", "most", "2000", "words,", "4000", "characters"],
        ["budgets:", "0", "problem(s)"]]


def test_words_are_counted_as_a_reader_reads_them(tmp_path: Path) -> None:
    page = write(tmp_path, "p.en.md", "Open [CHSI's home page][chsi-home] and select **注册** (Register).\n\n"
                                      "[![Alt text is not counted](images/a.png){ loading=lazy width=5 }](images/a.png)\n\n"
                                      "<!-- nor comments -->\n1. Step one.\n    { #anchor }")
    # Title · Open CHSI's home page and select (Register) · 1. Step one; and the two characters of 注册
    assert check_budgets.count(page) == (11, 2)


def test_a_task_page_over_its_words_fails_naming_it(tmp_path: Path) -> None:
    write(tmp_path, "register.en.md", "word " * 401)
    write(tmp_path, "register.zh.md", "字" * 801)
    write(tmp_path, "glossary.en.md", "word " * 900)  # a reference page: counted, not budgeted
    for n in range(5):  # and the task pages together over theirs
        write(tmp_path, f"page{n}.en.md", "word " * 380)
    out = "\n".join(check_budgets.check(tmp_path)[1])
    assert f"{tmp_path}/register.en.md: 402 words, over the 400 a task page may have: cut what the task does not need" in out
    assert f"{tmp_path}/register.zh.md: 801 Chinese characters, over the 800 a task page may have" in out
    assert "glossary.en.md:" not in out and "page0.en.md:" not in out
    assert f"{tmp_path}: the task pages have 2307 English words together, over 2000" in out


def test_a_renamed_reference_page_stays_unbudgeted(tmp_path: Path) -> None:
    """glossary renamed to terms, with its line in redirects.yml beside docs/: still a reference page."""
    docs = tmp_path / "docs"
    docs.mkdir()
    write(docs, "terms.en.md", "word " * 900)
    (tmp_path / "redirects.yml").write_text("redirects:\n  glossary/: terms.md\n", encoding="utf-8")
    assert check_budgets.check(docs)[1] == []


def test_a_long_label_bolded_a_third_time_fails_at_that_line(tmp_path: Path) -> None:
    label = "**我已阅读并同意《用户协议》、《隐私政策》**"
    page = write(tmp_path, "p.zh.md", f"勾选{label}。\n\n再勾选{label}。\n\n短的**立即注册**、**立即注册**、**立即注册**。\n\n第三次{label}。")
    assert check_budgets.long_label_problems(page) == [
        (f"{page}:13: {label} is bolded a third time on this page: after its first mention, refer to it briefly "
        "(for example 'the first tick box')")]

