"""make check's content stage and the build's own check of the sources, on tests/data/checks/project and copies of
the tests' site: each mistake named with file:line and what to do."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import site_sources
from fixture_site import SITE, copy_site

from guide.checks import content, source_hygiene
from guide.sources.errors import SourceError

ROOT = Path(__file__).resolve().parent.parent
PROJECT = ROOT / "tests" / "data" / "checks" / "project"
HYGIENE = ROOT / "tests" / "data" / "hygiene"
CITING = ROOT / "tests" / "data" / "source-citing"
PHRASES = content.load_phrases(SITE / content.PHRASES_FILE)


def line_of(path: Path, needle: str) -> int:
    text = path.read_text(encoding="utf-8")
    return text[: text.index(needle)].count("\n") + 1


def build(project: Path) -> str:
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(project / "out")],
                          cwd=project, capture_output=True, text=True, check=False)
    assert proc.returncode != 0
    return proc.stdout + proc.stderr


def test_sources_without_a_mistake_pass() -> None:
    assert content.content_problems(PROJECT) == []


def test_typical_mistakes_are_each_named_with_file_line_and_what_to_do(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(PROJECT, project)
    page = project / "docs" / "contact.en.md"
    line = line_of(page, "{{ hotline-en }}")
    page.write_text(page.read_text(encoding="utf-8").replace("{{ hotline-en }}", "010-00000001"), encoding="utf-8")
    linking = project / "docs" / "register.en.md"
    link_line = line_of(linking, "contact.md#hotlines")
    linking.write_text(linking.read_text(encoding="utf-8").replace("(contact.md#hotlines)", "[hotlines]"),
                       encoding="utf-8")
    (project / "docs" / "faq.en.md").write_text('---\ndescription: "x"\n---\n\n# FAQ {#faq}\n', encoding="utf-8")
    found = content.content_problems(project)
    assert (f"docs/contact.en.md:{line}: the number 010-00000001 is typed here: write {{{{ hotline-en }}}} instead, "
            "so the page always shows what includes/facts.yml says") in found
    undefined = f"docs/register.en.md:{link_line}: no reference definition named [hotlines]"
    assert any(p.startswith(undefined) for p in found), found
    assert "docs/faq.zh.md is missing (docs/faq.en.md exists): write the translation" in found
    assert any(p.startswith("docs/faq.en.md:1: this page is not in the nav of mkdocs.yml") for p in found), found
    (project / "docs" / "faq.en.md").unlink()
    (project / "includes" / "facts.yml").write_text("school: [\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "guide.checks", "--only", "content", "--root", str(project)],
                          cwd=ROOT, capture_output=True, text=True, check=False)
    assert proc.returncode == 1
    assert proc.stdout.splitlines()[0].startswith("includes/facts.yml:2: not valid YAML")
    assert proc.stdout.splitlines()[-2:] == ["content: 1 problem(s)",
                                             "make check: 1 problem(s): fix them and run make check again"]


def test_the_real_build_names_each_mistake_at_its_line(tmp_path: Path) -> None:
    project = copy_site(tmp_path / "project")
    page = project / "docs" / "contact.en.md"
    page.write_text("".join(line for line in page.read_text(encoding="utf-8").splitlines(keepends=True)
                            if not line.startswith("description:")), encoding="utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("            联系学信网: Contact CHSI\n", ""), encoding="utf-8")
    for lang in ("zh", "en"):
        shutil.copy(project / "docs" / f"contact.{lang}.md", project / "docs" / f"faq.{lang}.md")
    (project / "docs" / "register.en.md").unlink()
    index = project / "docs" / "index.zh.md"
    cited = index.read_text(encoding="utf-8").rstrip("\n") + "\n\n本校指南没有说明从哪里开始。\n"
    index.write_text(cited, encoding="utf-8")
    said = build(project)
    assert "docs/contact.en.md:1: front matter has no description: add 'description: ...' (one sentence for search " \
           "results)" in said
    assert (f"mkdocs.yml:{text.splitlines().index('  - 联系学信网: contact.md')}: nav title '联系学信网' has no en "
            "translation: add '联系学信网: ...' under nav_translations of locale en") in said
    assert "docs/register.en.md is missing (docs/register.zh.md exists): write the translation" in said
    assert "docs/faq.en.md:1: this page is not in the nav of mkdocs.yml" in said
    assert f"docs/index.zh.md:{len(cited.splitlines())}: '本校指南': {content.ADVICE}" in said.splitlines()
    page.write_bytes(b"\xef\xbb\xbf" + page.read_bytes())  # a page that is not clean stops the check at once
    assert "docs/contact.en.md:1: file starts with a byte order mark (BOM): save it again as UTF-8 without BOM" \
        in build(project)


@pytest.mark.parametrize(("name", "problems"), [
    ("bom.en.md", ["docs/x.en.md:1: file starts with a byte order mark (BOM): save it again as UTF-8 without BOM"]),
    ("utf16.en.md", ["docs/x.en.md:1: file is saved as UTF-16: save it again as UTF-8 (without BOM)"]),
    ("tab.en.md", ["docs/x.en.md:8: tab character: replace it with spaces (4 to indent a list or block)"]),
    ("skip.en.md", ["docs/x.en.md:9: heading level skipped (## then ####): use ###"]),
    ("curly-front-matter.en.md", [("docs/x.en.md:2: the value of 'description' starts with a curly quote (“): use "
                                   "straight quotes (\") around a YAML value")]),
    ("bad-ids.en.md", [
        ("docs/x.en.md:5: heading id 'Contact-CHSI' has capital letters: write {#contact-chsi} (ids are lower-case "
         "words joined by -)"),
        ("docs/x.en.md:7: heading id 'service hotlines' has spaces: write {#service-hotlines} (ids are lower-case "
         "words joined by -)")]),
    ("nbsp.en.md", [
        ("docs/x.en.md:7: non-breaking space (U+00A0), often pasted from Word or a web page: replace it with a "
         "normal space (or delete it)"),
        ("docs/x.en.md:9: zero-width space (U+200B), often pasted from Word or a web page: replace it with a "
         "normal space (or delete it)")]),
    ("same-id.en.md", ["docs/x.en.md:13: heading id 'hotlines' is already used on line 7: give one of them another {#id}",
                       "docs/x.en.md:17: heading id 'steps' is already used on line 15: give one of them another {#id}"]),
])
def test_each_mistake_of_an_editor_is_named_with_its_line(name: str, problems: list[str]) -> None:
    raw = (HYGIENE / name).read_bytes()
    assert source_hygiene.source_problems(raw, "docs/x.en.md") == problems
    # A web editor on Windows saves CRLF: a mistake keeps its line number.
    assert source_hygiene.source_problems(raw.replace(b"\n", b"\r\n"), "docs/x.en.md") == problems


@pytest.mark.parametrize("raw", ["open-the-form", "method-3", "a1-b2", "plan-2 .wide", "x data-x=1"])
def test_good_ids_pass(raw: str) -> None:
    assert source_hygiene.id_problem(raw, "p.md", 1) is None


def test_a_yaml_file_is_named_at_its_own_line() -> None:
    """YAML itself would name a later line, or none, for a value after a non-breaking space."""
    text = "school: 示例大学\naddresses:\n\tchsi-home: https://www.chsi.com.cn/\nservice-email:\u00a0a@b.c\n" \
           "pages:\n  - path: ‘contact/’\n"
    assert source_hygiene.yaml_file_problems(text, "includes/facts.yml") == [
        "includes/facts.yml:3: tab character: replace it with spaces (4 to indent a list or block)",
        ("includes/facts.yml:4: non-breaking space (U+00A0), often pasted from Word or a web page: replace it with a "
         "normal space (or delete it)"),
        ("includes/facts.yml:6: the value of 'path' starts with a curly quote (‘): use straight quotes (\") around a "
         "YAML value")]
    assert source_hygiene.yaml_file_problems("\ufeffschool: x\r\n", "includes/facts.yml") == []


@pytest.mark.parametrize(("source", "problem"), [
    ('---\ndescription: "Step 1: register."\n---\n\n# Title\n', None),
    ("# Title without front matter\n", ("docs/x.en.md:1: page has no front matter: start the file with ---, "
                                        "description: ..., --- (one sentence for search results)")),
    ("---\ntitle: Contact\n---\n\n# Title\n",
     "docs/x.en.md:1: front matter has no description: add 'description: ...' (one sentence for search results)"),
    ('---\ndescription: ""\n---\n\n# Title\n',
     "docs/x.en.md:1: front matter has no description: add 'description: ...' (one sentence for search results)"),
    ("---\ndescription: Step 1: register.\n---\n\n# Title\n",
     "docs/x.en.md:2: front matter is not valid YAML (mapping values are not allowed here): quote the value"),
    ("---\n- a list\n---\n\n# Title\n", "docs/x.en.md:2: front matter must be a mapping such as 'description: ...'"),
    ("---\nbudget: questions\ndescription: Problems.\n---\n\n# Title\n", None),
    ("---\ndescription: Problems.\nbudget: question\n---\n\n# Title\n",
     ("docs/x.en.md:3: front matter budget: 'question' is not known: write 'budget: questions' (a page of separate "
      "questions, each measured on its own), or delete the line")),
])
def test_front_matter_problem(source: str, problem: str | None) -> None:
    assert content.front_matter_problem(source, "docs/x.en.md") == problem


def test_every_page_has_a_description_of_its_own(built_site: Path) -> None:
    descriptions = {}
    for page in site_sources.built_pages(built_site):
        html = page.read_text(encoding="utf-8")
        start = html.find('<meta name="description" content="')
        source = site_sources.source_of(built_site, page)
        assert start != -1, f"{source}:1: no description in the built page: add 'description: \"...\"' to its front matter"
        descriptions[source] = html[start:html.find('">', start)]
    twins = [[s for s, o in descriptions.items() if o == d] for d in set(descriptions.values())]
    assert all(len(files) == 1 for files in twins), f"{twins}: write a description of its own for each page"


def test_pages_in_one_language_outside_the_nav_or_with_an_untranslated_title_are_named() -> None:
    uris = ["index.zh.md", "index.en.md", "register.zh.md", "notes.en.md", "assets/x.css"]
    assert content.missing_translations(uris, ["zh", "en", "fr"]) == [
        "docs/index.fr.md is missing (docs/index.en.md, docs/index.zh.md exists): write the translation",
        "docs/notes.zh.md is missing (docs/notes.en.md exists): write the translation",
        "docs/notes.fr.md is missing (docs/notes.en.md exists): write the translation",
        "docs/register.en.md is missing (docs/register.zh.md exists): write the translation",
        "docs/register.fr.md is missing (docs/register.zh.md exists): write the translation"]
    nav = [{"首页": "index.md"}, {"注册账号": "register.md"}, {"更多": [{"联系": "contact.md"}]}]
    assert content.missing_from_nav(["index.zh.md", "register.en.md", "contact.zh.md", "faq.zh.md"], nav) == [
        ("docs/faq.zh.md:1: this page is not in the nav of mkdocs.yml, so no menu reaches it: add '- TITLE: faq.md' "
         "under nav, and its English title under nav_translations")]
    # A nav title without its translation, named at its line.
    config = "site_name: x\nnav:\n  - 首页: index.md\n  - 联系: contact.md\n  - 部分:\n      - 小节: part.md\n"
    nav = [{"首页": "index.md"}, {"联系": "contact.md"}, {"部分": [{"小节": "part.md"}]}]
    assert content.untranslated(nav, [("en", {"首页": "Home", "部分": "Part"})], config) == [
        "mkdocs.yml:4: nav title '联系' has no en translation: add '联系: ...' under nav_translations of locale en",
        "mkdocs.yml:6: nav title '小节' has no en translation: add '小节: ...' under nav_translations of locale en"]


@pytest.mark.parametrize(("name", "found"), [
    ("good.en.md", []),
    ("bad.en.md", [(2, "office's guide"), (9, "office’s guide"), (11, "guide does not say"), (13, "office's picture")]),
    ("bad.zh.md", [(7, "本校指南"), (11, "指南未提及")]),
])
def test_every_line_citing_the_source_is_found_front_matter_admonitions_and_alt_text_included(name, found) -> None:
    assert content.citing_lines((CITING / name).read_text(encoding="utf-8"), PHRASES) == found


@pytest.mark.parametrize(("text", "message"), [
    ("en: [\"office's guide\"\n", "phrases.yml:2: not valid YAML"),
    ("en: []\n", "phrases.yml: expected one list of phrases per language"),
    ("en: [\"\"]\n", "phrases.yml: '' is not a phrase"),
])
def test_a_broken_phrase_list_says_what_to_write(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "phrases.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SourceError) as err:
        content.load_phrases(path)
    assert str(err.value).startswith(f"{tmp_path}/{message}")
