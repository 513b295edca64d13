"""make check names a line of includes/search-queries.yml whose page or section is gone, following renames."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from guide.checks import search_queries

PROJECT = Path(__file__).parent / "data" / "checks" / "project"
LANGUAGES = ["zh", "en"]


def with_queries(tmp_path: Path, text: str) -> Path:
    root = tmp_path / "project"
    shutil.copytree(PROJECT, root)
    (root / search_queries.QUERIES_FILE).write_text(text, encoding="utf-8")
    return root


def test_queries_whose_answers_exist_pass() -> None:
    assert search_queries.query_problems(PROJECT, LANGUAGES) == []


def test_a_gone_section_and_a_gone_page_are_named_with_their_line(tmp_path: Path) -> None:
    root = with_queries(tmp_path, "en:\n  - [sign up, register, open-the-form]\n  - [helpline, contact, phones]\n"
                                  "zh:\n  - [常见问题, faq, \"\"]\n")
    assert search_queries.query_problems(root, LANGUAGES) == [
        ("includes/search-queries.yml:3: 'helpline': docs/contact.en.md has no heading {#phones}: write the id of the "
        "heading that answers now, or \"\" for the whole page"),
        ("includes/search-queries.yml:5: '常见问题': there is no page docs/faq.zh.md: write the name of the page that "
        "answers now (as in docs/, without the language), or delete the line")]


def test_a_renamed_page_is_followed_through_redirects_yml(tmp_path: Path) -> None:
    root = with_queries(tmp_path, "en:\n  - [helpline, phone, hotlines]\n")
    assert len(search_queries.query_problems(root, LANGUAGES)) == 1
    (root / "redirects.yml").write_text("redirects:\n  phone/: contact.md\n", encoding="utf-8")
    assert search_queries.query_problems(root, LANGUAGES) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("en:\n  - [sign up, register]\n", "includes/search-queries.yml:2: each line is - [what a student types, page"),
    ("fr:\n  - [sign up, register, \"\"]\n", "includes/search-queries.yml:1: fr is not a language of mkdocs.yml"),
    ("en:\n  - [sign up, register\n", "includes/search-queries.yml:3: not valid YAML"),
    ("- [sign up, register, \"\"]\n", "includes/search-queries.yml:1: expected one list per language (zh:, en:)"),
])
def test_a_line_of_the_wrong_shape_is_named(tmp_path: Path, text: str, expected: str) -> None:
    found = search_queries.query_problems(with_queries(tmp_path, text), LANGUAGES)
    assert len(found) == 1 and found[0].startswith(expected), found


def test_headings_without_an_id_answer_by_the_id_mkdocs_makes() -> None:
    assert search_queries.heading_ids("# Title {#title}\n\n## Forgot password\n\n```\n# not a heading\n```\n") == {
        "title", "forgot-password"}
