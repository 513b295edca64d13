"""make check's rules stage on the small project of tests/data/checks/project: each mistake named with file:line."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from guide.checks import guard_words, item_lists, next_step, published, search_queries
from guide.sources.facts import MailItem

PROJECT = Path(__file__).parent / "data" / "checks" / "project"
LANGUAGES = ["zh", "en"]
ITEMS = [MailItem("姓名", "Name"), MailItem("证件号码", "Passport Number"),
         MailItem("姓名无法修改的页面截图", "Screenshot of being unable to edit your name")]
ONE_LINE = "    (1) 姓名，(2) 证件号码（护照号码），(3) 姓名无法修改的页面截图。"


def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(PROJECT, root)
    return root


def append(path: Path, text: str) -> int:
    """Add a paragraph to a page; the number of its line."""
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([*lines, "", text]) + "\n", encoding="utf-8")
    return len(lines) + 2


def with_footer(tmp_path: Path) -> Path:
    root = project(tmp_path)
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("    - navigation.top\n",
                                                                 "    - navigation.top\n    - navigation.footer\n"),
                      encoding="utf-8")
    return root


def with_queries(tmp_path: Path, text: str) -> Path:
    root = project(tmp_path)
    (root / search_queries.QUERIES_FILE).write_text(text, encoding="utf-8")
    return root


def test_the_clean_project_passes_every_rule(tmp_path: Path) -> None:
    assert guard_words.guard_problems(PROJECT) == []
    assert search_queries.query_problems(PROJECT, LANGUAGES) == []
    assert item_lists.list_problems(PROJECT) == []
    assert published.listed_problems(PROJECT) == []
    assert next_step.next_problems(with_footer(tmp_path)) == []  # its "Next:" lines agree with the footer's


# --- words kept off the pages ---------------------------------------------------------------------------------------

def test_a_guess_at_an_open_question_is_named_until_it_is_answered_and_words_never_used_always(tmp_path: Path) -> None:
    root = project(tmp_path)
    line = append(root / "docs" / "contact.en.md", "The hotlines answer from 9:00 to 17:00 (utc+8).")
    never_line = append(root / "docs" / "register.zh.md", "然后按页面提示操作。")
    never = (f'docs/register.zh.md:{never_line}: "按页面提示": CONTENT-QUESTIONS.md (line 12) says the pages never use '
             "these words (it tells the student nothing: name the button or the field): rewrite the sentence")
    assert guard_words.guard_problems(root) == [
        (f'docs/contact.en.md:{line}: "UTC+8": question 1 of CONTENT-QUESTIONS.md (line 5) is still open: do not '
        "guess the answer; tell the student what to do instead (which line to call). If the office has answered it, "
        "delete the question's row in CONTENT-QUESTIONS.md; if the words mean something else here, make the "
        "words in the row's last cell more precise"), never]
    questions = root / "CONTENT-QUESTIONS.md"
    questions.write_text("\n".join(line for line in questions.read_text(encoding="utf-8").splitlines()
                                   if not line.startswith("| 1 |")) + "\n", encoding="utf-8")
    assert guard_words.guard_problems(root) == [never.replace("(line 12)", "(line 11)")]  # one row fewer above it


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


def test_a_row_with_a_cell_missing_is_named_and_without_the_file_nothing_is_guarded(tmp_path: Path) -> None:
    root = project(tmp_path)
    questions = root / "CONTENT-QUESTIONS.md"
    questions.write_text(questions.read_text(encoding="utf-8").replace(
        "| 2 | Where does a student get the code? | `index#what-you-get` | |",
        "| 2 | Where does a student get the code? |"), encoding="utf-8")
    found = guard_words.guard_problems(root)
    assert len(found) == 1 and found[0].startswith("CONTENT-QUESTIONS.md:6: question 2 has 2 cells, the table has 4")
    append(root / "docs" / "contact.en.md", "Open 9-17 UTC+8.")
    questions.unlink()
    assert guard_words.guard_problems(root) == []


# --- the search queries' pages and sections -------------------------------------------------------------------------

def test_a_gone_section_and_a_gone_page_are_named_with_their_line(tmp_path: Path) -> None:
    root = with_queries(tmp_path, "en:\n  - [sign up, register, open-the-form]\n  - [helpline, contact, phones]\n"
                                  "zh:\n  - [常见问题, faq, \"\"]\n")
    assert search_queries.query_problems(root, LANGUAGES) == [
        ("includes/search-queries.yml:3: 'helpline': docs/contact.en.md has no heading {#phones}: write the id of the "
        "heading that answers now, or \"\" for the whole page"),
        ("includes/search-queries.yml:5: '常见问题': there is no page docs/faq.zh.md: write the name of the page that "
        "answers now (as in docs/, without the language), or delete the line")]


def test_a_query_and_a_listed_address_follow_a_renamed_page_through_redirects_yml(tmp_path: Path) -> None:
    root = with_queries(tmp_path, "en:\n  - [helpline, phone, hotlines]\n")
    registry = root / "published-links.yml"
    registry.write_text(registry.read_text(encoding="utf-8").replace("path: contact/", "path: phone/"),
                        encoding="utf-8")
    assert len(search_queries.query_problems(root, LANGUAGES)) == len(published.listed_problems(root)) == 1
    (root / "redirects.yml").write_text("redirects:\n  phone/: contact.md\n", encoding="utf-8")
    assert search_queries.query_problems(root, LANGUAGES) == published.listed_problems(root) == []


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


# --- the e-mail's items typed on a page -----------------------------------------------------------------------------

WRONG_LABEL = ("docs/x.zh.md:{}: item ({}) should be {}, as in includes/facts.yml (the e-mail lists it so): write the "
               "label as it is there, or change it there")


@pytest.mark.parametrize(("page", "expected"), [
    (("- [ ] (1) **姓名** (Name)\n- [ ] (2) **证件号码** (ID number): your passport number\n"
      "- [ ] (3) **姓名无法修改的页面截图** (Screenshot)\n\nAttach item (3), then see (1) to (3).\n\n"
      f"- [ ] Plan 2:\n{ONE_LINE}\n\n把第 (2) 至 (3) 项添加为附件。\n"), []),
    ("- [ ] (1) 姓名\n- [ ] (2) 护照号码\n- [ ] (3) 姓名\n",
     [WRONG_LABEL.format(2, 2, "证件号码"), WRONG_LABEL.format(3, 3, "姓名无法修改的页面截图")]),
    ("    (1) 姓名，(2) 证件号码。\n",
     [("docs/x.zh.md:1: the e-mail's items are listed from here, but item (3) 姓名无法修改的页面截图 is missing: "
       "list all 3 of includes/facts.yml's mail-to-chsi, in its order")]),
    (ONE_LINE.replace("。", "，(4) 学号。"),
     [("docs/x.zh.md:1: item (4): includes/facts.yml lists 3 items for the e-mail: remove it here, or add it to "
       "mail-to-chsi there"),
      ("docs/x.zh.md:1: the e-mail's items are listed from here, but the numbers are out of order: list all 3 of "
       "includes/facts.yml's mail-to-chsi, in its order")]),
])
def test_a_list_of_the_emails_items_is_read_against_the_facts_file(page: str, expected: list[str]) -> None:
    assert item_lists.page_problems(page, "docs/x.zh.md", ITEMS) == expected


def test_the_pages_are_read_against_the_projects_facts(tmp_path: Path) -> None:
    page = project(tmp_path) / "docs" / "contact.zh.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n- [ ] (1) 名字\n", encoding="utf-8")
    lines = page.read_text(encoding="utf-8").count("\n")
    assert item_lists.list_problems(tmp_path / "project") == [
        WRONG_LABEL.format(lines, 1, "姓名").replace("docs/x.zh.md", "docs/contact.zh.md")]


# --- "Next:" lines beside the footer's Next -------------------------------------------------------------------------

def test_a_line_that_the_footer_contradicts_is_named_in_each_language(tmp_path: Path) -> None:
    root = with_footer(tmp_path)
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - 注册: register.md\n  - 联系: contact.md\n",
                                                                 "  - 联系: contact.md\n  - 注册: register.md\n"),
                      encoding="utf-8")
    assert next_step.next_problems(root) == [
        ("docs/index.zh.md:9: the footer's Next is contact.md (the next page in the nav of mkdocs.yml), but this "
        "'下一步：' line leads to register.md: make them agree (reorder the nav in mkdocs.yml, or change the line)"),
        ("docs/index.en.md:9: the footer's Next is contact.md (the next page in the nav of mkdocs.yml), but this "
        "'Next:' line leads to register.md: make them agree (reorder the nav in mkdocs.yml, or change the line)"),
    ]


def test_a_line_over_two_lines_is_read_whole() -> None:
    assert next_step.own_next("Text.\n\nNext: once it works,\n[call CHSI](contact.md#hotlines).\n", "Next:") == (
        3, ["contact.md"])


def test_without_the_footer_there_is_one_next_only(tmp_path: Path) -> None:
    page = project(tmp_path) / "docs" / "index.en.md"
    page.write_text(page.read_text(encoding="utf-8").replace("(register.md)", "(contact.md)"), encoding="utf-8")
    assert next_step.next_problems(tmp_path / "project") == []
    assert next_step.next_problems(with_footer(tmp_path / "footer")) == []


# --- published addresses --------------------------------------------------------------------------------------------

def test_a_page_missing_from_the_registry_and_a_registry_that_cannot_be_read_are_named(tmp_path: Path) -> None:
    root = project(tmp_path)
    for lang in ("zh", "en"):
        (root / "docs" / f"faq.{lang}.md").write_text("# FAQ {#faq}\n", encoding="utf-8")
    assert published.listed_problems(root) == [
        ("published-links.yml:1: /faq/ (docs/faq.zh.md and its translation) is not listed: add '  - path: faq/' under "
        "pages, so that make check names any link to it that stops working")]
    (root / "published-links.yml").write_text("pages:\n  - path: register\n", encoding="utf-8")
    assert published.listed_problems(root) == [
        "published-links.yml: pages #1: path must be '' or end in '/' (got 'register'): fix this entry"]


def test_a_published_anchor_or_page_gone_from_the_built_site_is_named(tmp_path: Path) -> None:
    whole = {"": "what-you-get", "register/": "open-the-form", "contact/": "hotlines",
             "en/": "what-you-get", "en/register/": "open-the-form", "en/contact/": "hotlines"}
    broken = {**whole, "en/register/": "form"}
    del broken["contact/"]
    for name, pages in (("good", whole), ("bad", broken)):  # a built site in miniature: each page with its one id
        for path, anchor in pages.items():
            (tmp_path / name / path).mkdir(parents=True, exist_ok=True)
            (tmp_path / name / path / "index.html").write_text(f'<h2 id="{anchor}">x</h2>', encoding="utf-8")
    assert published.dead_problems(PROJECT, tmp_path / "good") == []
    assert published.dead_problems(PROJECT, tmp_path / "bad") == [
        ("published-links.yml:6: [zh] /contact/: no file contact/index.html in the built site (an address sent in "
        "e-mails, served by docs/contact.zh.md: restore docs/contact.zh.md, or add `contact/: NEW-PAGE.md` to "
        "redirects.yml)"),
        ("published-links.yml:6: [zh] /contact/#hotlines: no file contact/index.html in the built site (an address "
        "sent in e-mails, served by docs/contact.zh.md: restore docs/contact.zh.md, or add `contact/: NEW-PAGE.md` "
        "to redirects.yml)"),
        ("published-links.yml:4: [en] /en/register/#open-the-form: no id 'open-the-form' in en/register/index.html "
        "(an address sent in e-mails, served by docs/register.en.md: add the heading id back to "
        "docs/register.en.md, or a redirect to redirects.yml)"),
    ]
