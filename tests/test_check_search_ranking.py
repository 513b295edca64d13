"""make check's search rule: the query set typed into the built site's search in Chromium."""
from __future__ import annotations

from pathlib import Path

import pytest
from fixture_site import copy_site

from guide.checks import rendered
from guide.checks import search_ranking as sr

ROOTS = {"zh": "", "en": "en/"}


def ranked(rights: int, misses: int, crossed: int = 0) -> list[sr.Ranked]:
    rows = [sr.Ranked(sr.Query("en", f"query {i}", "register", "", 10 + i), "/en/register/", True, ())
            for i in range(rights)]
    rows += [sr.Ranked(sr.Query("zh", f"问 {i}", "contact", "hotlines", 100 + i), "/glossary/", False, ())
             for i in range(misses)]
    rows += [sr.Ranked(sr.Query("en", "CHSI", "contact", "", 200), "/en/contact/", True, ("register/",))] * crossed
    return rows


def test_under_the_share_each_miss_is_a_problem_at_it_a_note_and_the_other_language_always_a_problem() -> None:
    problems, notes = sr.ranking_lines(ranked(18, 2), ROOTS, {})
    assert notes == []
    assert problems[0].startswith("search: 18 of 20 queries (90%) find the answering section first")
    assert problems[1].startswith("includes/search-queries.yml:100: searching '问 0' lists /glossary/ first, not "
                                  "/contact/#hotlines: ")
    assert len(problems) == 3
    problems, notes = sr.ranking_lines(ranked(19, 1), ROOTS, {})
    assert problems == []
    assert notes[0].startswith("search: 19 of 20 queries (95%)")
    assert notes[1].startswith("  note: includes/search-queries.yml:100: searching '问 0'")
    problems, _notes = sr.ranking_lines(ranked(30, 0, crossed=1), ROOTS, {})
    assert problems == [("includes/search-queries.yml:200: searching 'CHSI' lists pages of another language "
                        "(/register/): tell a developer (the search must keep to the reader's language)")]


def test_a_first_result_is_judged_by_page_and_section() -> None:
    query = sr.Query("zh", "核验失败", "verify-identity", "not-passed", 7)
    base = "http://127.0.0.1:1/"
    right = sr.judge(query, [[base + "verify-identity/", base + "verify-identity/?h=x#not-passed"]], base, ROOTS, {})
    assert right.right and right.first == "/verify-identity/#not-passed" and not right.crossed
    wrong = sr.judge(query, [[base + "verify-identity/", base + "verify-identity/#choose-a-method"],
                             [base + "en/register/"]], base, ROOTS, {})
    assert not wrong.right and wrong.crossed == ("en/register/",)
    nothing = sr.judge(query, [], base, ROOTS, {})
    assert not nothing.right and nothing.first == ""


@pytest.mark.browser
def test_the_tests_query_set_ranks_in_chromium_and_a_wrong_line_is_named(built_site: Path, tmp_path: Path) -> None:
    root = copy_site(tmp_path / "project")
    queries = root / "includes" / "search-queries.yml"
    lines = queries.read_text(encoding="utf-8").splitlines()
    wrong_line = next(i for i, line in enumerate(lines, 1) if "[CHSI helpline, contact, hotlines]" in line)
    lines[wrong_line - 1] = lines[wrong_line - 1].replace("contact, hotlines", "glossary, \"\"")
    queries.write_text("\n".join(lines) + "\n", encoding="utf-8")
    problems, notes = sr.search_lines(root, built_site, ROOTS)
    everything = problems + notes
    count = sum(isinstance(query, sr.Query) for query in sr.read_queries(root, list(ROOTS)))
    assert count >= 20
    assert any(f"includes/search-queries.yml:{wrong_line}: searching 'CHSI helpline' lists /en/contact/" in line
               for line in everything), everything
    assert (problems == [] and notes[0].startswith(f"search: {count - 1} of {count} queries")), everything


def test_a_search_word_whose_words_are_gone_is_named_at_its_line(tmp_path: Path) -> None:
    """The office rewords a heading the search words name: make check's build says which line, and what to do."""
    root = copy_site(tmp_path / "project")
    labels = root / "includes" / "ui-labels.yml"
    lines = labels.read_text(encoding="utf-8").splitlines()
    line = next(i for i, text in enumerate(lines, 1) if text.strip().startswith("does not arrive:"))
    lines[line - 1] = lines[line - 1].replace("does not arrive:", "never arrives at all:")
    labels.write_text("\n".join(lines) + "\n", encoding="utf-8")
    said = rendered.build(root, tmp_path / "site")
    assert any(f"includes/ui-labels.yml:{line}: search words for 'never arrives at all': no English page shows "
               "'never arrives at all' any more" in text and "write the words as a page now shows them, or remove "
               "the entry" in text for text in said), said
