"""DEVELOPING.md's "Add a language" on a copy of the tests' site. The French pages copy the English ones: the test
proves the machinery (make check finds nothing, the strict build puts the pages under fr/), not a translation."""
from __future__ import annotations

import re
from pathlib import Path

from conftest import build_site
from fixture_site import copy_site
from test_office_edits import check


def add_french(project: Path) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    # The language's settings are English's under another code and name, as its pages are English's copies.
    english = re.search(r"^        - locale: en\n.*?\n\n", text, re.MULTILINE | re.DOTALL).group(0)
    language = english.replace("locale: en", "locale: fr", 1).replace("name: English", "name: Français", 1)
    config.write_text(text.replace(english, english.rstrip("\n") + "\n" + language, 1), encoding="utf-8")
    for page in sorted((project / "docs").glob("*.en.md")):
        french = page.with_name(page.name.replace(".en.md", ".fr.md"))
        # The checklist shows its own language's QR code.
        french.write_text(page.read_text(encoding="utf-8").replace("qr-guide-en.svg", "qr-guide-fr.svg"), encoding="utf-8")
    links = project / "published-links.yml"  # each published address and its words, in each language
    text = links.read_text(encoding="utf-8")
    text = re.sub(r"(\ben: ([^}\n]*))\}", lambda m: f"{m.group(1)}, fr: {m.group(2).replace('-en.', '-fr.')}}}", text)
    links.write_text(re.sub(r"^(    en: (.*))$", r"\1\n    fr: \2", text, flags=re.MULTILINE), encoding="utf-8")
    facts = project / "includes" / "facts.yml"
    # Every {zh: ..., en: ...} of the facts gets its French text (here the English one).
    facts.write_text(re.sub(r'(\ben: ("[^"\n]*"|[^,}\n]*))\}', r"\1, fr: \2}", facts.read_text(encoding="utf-8")),
                     encoding="utf-8")


def test_a_third_language_builds_as_the_developers_guide_says(tmp_path: Path) -> None:
    project = copy_site(tmp_path / "project")
    add_french(project)
    assert check(project) == []
    site = build_site(tmp_path / "site", project=project)
    home = (site / "fr" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="fr"' in home
    contact = (site / "fr" / "contact" / "index.html").read_text(encoding="utf-8")
    assert "from abroad" in contact  # the code's own words: English until French ones are added to words.py
    assert (site / "en" / "index.html").is_file() and (site / "index.html").is_file()


def test_a_page_without_its_third_language_file_is_named(tmp_path: Path) -> None:
    project = copy_site(tmp_path / "project")
    add_french(project)
    (project / "docs" / "contact.fr.md").unlink()
    assert any(problem.startswith("docs/contact.fr.md") for problem in check(project))
