"""make check's rendered stage: built only when a source changed, each page measured in Chromium at 360 px, the PDFs
exported as make build does, a failed build reported in its own lines."""
from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from fixture_site import SITE

from guide.checks import phone_pages, rendered

PROJECT = Path(__file__).parent / "data" / "checks" / "project"
TALL_SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="{h}"><rect width="300" height="{h}"/></svg>'


def page(site: Path, path: str, body: str) -> None:
    (site / path).mkdir(parents=True, exist_ok=True)
    (site / path / "index.html").write_text(
        '<!doctype html><html><head><meta name="viewport" content="width=device-width">'
        f"<style>body{{margin:0}}</style></head><body>{body}</body></html>", encoding="utf-8")


@pytest.mark.browser
def test_a_page_too_tall_or_too_wide_for_the_phone_and_a_long_question_are_named_by_their_file(tmp_path: Path) -> None:
    site = tmp_path / "site"
    screen = phone_pages.PHONE["height"]
    limit = phone_pages.PAGE_SCREENS * screen
    page(site, "", "<article><p>Short words wrap on a phone.</p></article>")
    page(site, "en/", f'<div style="height:{limit}px">fits</div>')
    # A lazy picture far below the first screen counts at its real height.
    (site / "en" / "tall").mkdir(parents=True)
    (site / "en" / "tall" / "long.svg").write_text(TALL_SVG.format(h=limit), encoding="utf-8")
    page(site, "en/tall/", '<div style="height:800px">top</div><img src="long.svg" loading="lazy" alt="">')
    page(site, "en/wide/", '<article><p style="white-space:nowrap">https://account.chsi.example/a/very/long/address/'
                           "that/does/not/break/anywhere</p></article>")
    short, long = int(screen * phone_pages.QUESTION_SCREENS), int(screen * phone_pages.QUESTION_SCREENS) + 40
    answers = [("no-code", short)] * 11 + [("long", long)]  # 5 screens tall: over a page's four, within eight
    page(site, "en/faq/", "<article>" + "".join(
        f'<h2 id="{anchor}" style="margin:0;height:20px">Q</h2><p style="margin:0;height:{height - 20}px">A</p>'
        for anchor, height in answers) + "</article>")
    measured = phone_pages.measure(site, [phone_pages.Page(f"docs/{name}.md", lang, path) for name, lang, path in (
        ("index.zh", "zh", ""), ("index.en", "en", "en/"), ("tall.en", "en", "en/tall/"), ("wide.en", "en", "en/wide/"))]
        + [phone_pages.Page("docs/faq.en.md", "en", "en/faq/", questions=True, question_lines=(("long", 37),))])
    assert measured[1].height == limit
    assert measured[2].height >= limit + 800
    assert measured[4].sections[0] == ("no-code", short)
    assert phone_pages.height_problems(measured) == [
        (f"docs/tall.en.md: {measured[2].height / 740:.2f} phone screens tall at 360 px wide ({measured[2].height} px; a "
        f"screen is 740 px), over the {phone_pages.PAGE_SCREENS} a page may be: cut what the task does not need, or "
        "move what is not a step to another page"),
        (f"docs/faq.en.md:37: the question #long is {long / screen:.2f} phone screens tall ({long} px), over the 0.5 a "
        "question may be: answer in one or two short sentences, and link to the page with the steps instead of "
        "repeating them")]
    plain = replace(measured[4], page=phone_pages.Page("docs/faq.en.md", "en", "en/faq/"), sections=())  # not of questions
    assert phone_pages.height_problems([plain])[0].endswith("over the 4 a page may be: cut what the task does not need, "
                                                            "or move what is not a step to another page")
    problems = phone_pages.width_problems(measured)
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"docs/wide.en.md: {measured[3].width} px wide on a 360 px phone, so the reader "
                                  "scrolls sideways: shorten or break what is too wide (p https://account.chsi.example")


def test_every_page_of_both_languages_is_measured_at_its_address_a_page_of_questions_by_question(tmp_path: Path) -> None:
    found = phone_pages.pages(PROJECT, {"zh": "", "en": "en/"})
    assert [(p.source, p.path) for p in found] == [
        ("docs/contact.zh.md", "contact/"), ("docs/index.zh.md", ""), ("docs/register.zh.md", "register/"),
        ("docs/contact.en.md", "en/contact/"), ("docs/index.en.md", "en/"), ("docs/register.en.md", "en/register/")]
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "faq.en.md").write_text("---\nbudget: questions\ndescription: x\n---\n# Questions\n\n"
                                                 "## No code {#no-code}\n", encoding="utf-8")
    (tmp_path / "docs" / "steps.en.md").write_text("---\ndescription: x\n---\n# Steps\n", encoding="utf-8")
    assert [(p.source, p.questions, p.question_lines) for p in phone_pages.pages(tmp_path, {"en": "en/"})] == [
        ("docs/faq.en.md", True, (("no-code", 7),)), ("docs/steps.en.md", False, ())]


def test_the_fingerprint_follows_the_sources_only(tmp_path: Path) -> None:
    root = tmp_path / "project"
    shutil.copytree(PROJECT, root)
    before = rendered.fingerprint(root)
    (root / "notes.txt").write_text("not a source", encoding="utf-8")
    (root / "docs" / "__pycache__").mkdir()
    (root / "docs" / "__pycache__" / "x.pyc").write_bytes(b"\0")
    assert rendered.fingerprint(root) == before
    (root / "docs" / "contact.en.md").write_text("# Changed\n", encoding="utf-8")
    assert rendered.fingerprint(root) != before
    (root / "docs" / "contact.en.md").unlink()
    assert rendered.fingerprint(root) not in (before, rendered.fingerprint(PROJECT))


def fake_stage(monkeypatch: pytest.MonkeyPatch, problems: list[str], notes: tuple[str, ...] = (),
               failure: tuple[str, ...] = ()) -> dict:
    """Stands in for the build and the browser: counts the calls, fails the build when given its lines."""
    fake = {"builds": 0, "measures": 0, "problems": problems}

    def build(root: Path, site: Path) -> list[str]:
        fake["builds"] += 1
        site.mkdir(parents=True, exist_ok=True)
        (site / "index.html").write_text("<html></html>", encoding="utf-8")
        return list(failure)

    def measure(root: Path, site: Path) -> tuple[list[str], list[str]]:
        fake["measures"] += 1
        return list(fake["problems"]), list(notes)

    monkeypatch.setattr(rendered, "build", build)
    monkeypatch.setattr(rendered, "measure_with_notes", measure)
    return fake


def test_the_site_is_built_and_measured_again_only_when_a_source_changed(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "project"
    shutil.copytree(PROJECT, root)
    notes = ("  note: includes/search-queries.yml:9: searching 'x' finds nothing",)
    fake = fake_stage(monkeypatch, ["docs/register.en.md: 4.20 phone screens tall"], notes)
    said: list[str] = []
    assert rendered.run(root, say=said.append) == (fake["problems"], list(notes))
    assert said == [rendered.BUILDING] and (fake["builds"], fake["measures"]) == (1, 1)
    said.clear()
    # Nothing changed: the results kept, silently, with the search's misses.
    assert rendered.run(root, say=said.append) == (fake["problems"], list(notes))
    assert said == [] and (fake["builds"], fake["measures"]) == (1, 1)
    (root / "docs" / "register.en.md").write_text("# Shorter\n", encoding="utf-8")
    fake["problems"] = []
    assert rendered.run(root, say=said.append) == ([], list(notes))
    assert said == [rendered.BUILDING] and (fake["builds"], fake["measures"]) == (2, 2)


def test_a_failed_build_is_its_own_lines_and_is_tried_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "project"
    shutil.copytree(PROJECT, root)
    failure = ("WARNING -  docs/register.en.md:12: links to 'contactx.md', which is not in docs/",)
    fake = fake_stage(monkeypatch, [], failure=failure)
    said: list[str] = []
    assert rendered.run(root, say=said.append) == (list(failure), [])
    assert said == [rendered.BUILDING, "the build failed; what it said:"] and fake["measures"] == 0
    rendered.run(root, say=said.append)
    assert fake["builds"] == 2


def test_the_real_build_reports_its_own_warning_lines(tmp_path: Path) -> None:
    root = tmp_path / "project"
    (root / "docs").mkdir(parents=True)
    (root / "docs" / "index.md").write_text("# Home\n\n[Gone](gone.md)\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text("site_name: Fixture\n", encoding="utf-8")
    site = tmp_path / "cache" / "site"
    lines = rendered.build(root, site)
    assert any("gone.md" in line and line.startswith("WARNING") for line in lines), lines
    assert not any(line.startswith(("INFO", "Aborted")) for line in lines), lines
    assert not site.exists() and not site.with_name("site.new").exists()
    (root / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    assert rendered.build(root, site) == [] and (site / "index.html").is_file()


def test_pdfs_that_fit_pass_and_a_checklist_on_a_second_sheet_names_its_page(built_site: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    assert rendered.paper_problems(SITE, site) == []
    assert sorted(p.name for p in (site / "downloads").glob("*.pdf")) == [
        "chsi-checklist-en.pdf", "chsi-checklist-zh.pdf", "chsi-guide-en.pdf", "chsi-guide-zh.pdf"]
    page = site / "en" / "checklist" / "index.html"
    html = page.read_text(encoding="utf-8")
    more = "".join(f"<p>Another line the office added to the checklist, number {n}.</p>" for n in range(120))
    page.write_text(html.replace("</article>", more + "</article>", 1), encoding="utf-8")
    problems = rendered.paper_problems(SITE, site)
    assert len(problems) == 1, problems
    assert problems[0].startswith("docs/checklist.en.md: printed, the checklist takes ")
    assert "it must fit one: shorten it" in problems[0]
