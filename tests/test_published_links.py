"""The published-links registry: how it is read, and that its PDFs exist once the PDF export has run.

That every address of the real published-links.yml exists in the built site, and that every page is listed, is make
check's rule (guide/checks/published.py, tests/test_check_rules.py); the PDFs, written after MkDocs, are
checked here."""
from __future__ import annotations

from pathlib import Path

import pytest
from fixture_site import SITE
from published_support import REGISTRY, ROOTS, pl, site_with_pdfs

from guide.sources import site_config
from guide.sources.errors import SourceError

FILE_LINKS = [link for link in pl.published_links(REGISTRY, ROOTS) if link.path.endswith(".pdf")]


def test_published_pdfs_exist_after_the_pdf_export(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    site = site_with_pdfs(built_site, tmp_path_factory.mktemp("full"))
    assert FILE_LINKS, "published-links.yml lists no file: nothing to check"
    assert pl.dead_links(FILE_LINKS, site) == []


@pytest.mark.parametrize(("data", "message"), [
    ({"pages": [{"path": "register/", "anchors": ["open-the-form"]}],
      "steps": [{"link": "register/#typo", "zh": "注册", "en": "Register"}]},
     r"steps #1: link 'register/#typo' is not a page or anchor"),  # steps point at registered links
    ({"pages": [{"path": "register/"}], "steps": [{"link": "register/", "zh": "注册"}]},
     r"steps #1 \(register/\): needs a text for en"),  # and have words in every language
    *[({"pages": [{"path": path}]}, "must be '' or end in '/'")  # page paths are folders
      for path in ("register", "/register/", "register/index.html")],
])
def test_a_registry_that_breaks_a_rule_is_refused(data: dict[str, object], message: str) -> None:
    with pytest.raises(SourceError, match=message):
        pl.parse_registry(data, ["zh", "en"])


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, ""),
        ({"SITE_URL": "https://www.example.edu/chsi-guide/"}, "https://www.example.edu/chsi-guide/"),
        ({"SITE_URL": "https://www.example.edu/chsi-guide"}, "https://www.example.edu/chsi-guide/"),
    ],
)
def test_site_url_follows_mkdocs_yml_and_site_url(env: dict[str, str], expected: str) -> None:
    assert site_config.read(SITE, env).site_url == expected
