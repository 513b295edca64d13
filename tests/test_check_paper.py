"""make check's paper rule (guide/checks/paper.py): the PDFs exported from the check's build, as make build does."""
from __future__ import annotations

import shutil
from pathlib import Path

from fixture_site import SITE

from guide.checks import paper


def test_a_checklist_that_spills_onto_a_second_sheet_names_its_page(built_site: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    page = site / "en" / "checklist" / "index.html"
    html = page.read_text(encoding="utf-8")
    more = "".join(f"<p>Another line the office added to the checklist, number {n}.</p>" for n in range(120))
    page.write_text(html.replace("</article>", more + "</article>", 1), encoding="utf-8")
    problems = paper.paper_problems(SITE, site)
    assert len(problems) == 1, problems
    assert problems[0].startswith("docs/checklist.en.md: printed, the checklist takes ")
    assert "it must fit one: shorten it" in problems[0]


def test_pdfs_that_fit_pass(built_site: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    assert paper.paper_problems(SITE, site) == []
    assert sorted(p.name for p in (site / "downloads").glob("*.pdf")) == [
        "chsi-checklist-en.pdf", "chsi-checklist-zh.pdf", "chsi-guide-en.pdf", "chsi-guide-zh.pdf"]
