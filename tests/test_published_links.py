"""The published-links registry: how it is read, and how a dead address is reported against a built site.

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

DATA = Path(__file__).parent / "data"
FILE_LINKS = [link for link in pl.published_links(REGISTRY, ROOTS) if link.path.endswith(".pdf")]


def test_languages_come_from_mkdocs_yml() -> None:
    assert ROOTS == {"zh": "", "en": "en/"}


def test_published_pdfs_exist_after_the_pdf_export(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    site = site_with_pdfs(built_site, tmp_path_factory.mktemp("full"))
    assert FILE_LINKS, "published-links.yml lists no file: nothing to check"
    assert pl.dead_links(FILE_LINKS, site) == []


def test_a_dead_anchor_is_reported_with_the_link(built_site: Path) -> None:
    registry = pl.load_registry(DATA / "published-links-dead-anchor.yml", list(ROOTS))
    problems = pl.dead_links(pl.published_links(registry, ROOTS), built_site)
    # The registry's own file and line, the address, why it is dead, and the page that serves it.
    assert problems == [
        ("published-links.yml:3: [zh] /register/#no-such-step: no id 'no-such-step' in register/index.html (an address "
        "sent in e-mails, served by docs/register.zh.md: add the heading id back to docs/register.zh.md, or a "
        "redirect to redirects.yml)"),
        ("published-links.yml:3: [en] /en/register/#no-such-step: no id 'no-such-step' in en/register/index.html (an "
        "address sent in e-mails, served by docs/register.en.md: add the heading id back to docs/register.en.md, or "
        "a redirect to redirects.yml)"),
    ]


def test_a_missing_page_is_reported_with_the_link(built_site: Path, tmp_path: Path) -> None:
    registry_file = tmp_path / "published-links.yml"
    registry_file.write_text("pages:\n  - path: register/\n  - path: renamed-away/\n", encoding="utf-8")
    registry = pl.load_registry(registry_file, list(ROOTS))
    problems = pl.dead_links(pl.published_links(registry, ROOTS), built_site)
    assert problems == [
        ("published-links.yml:3: [zh] /renamed-away/: no file renamed-away/index.html in the built site (an address "
        "sent in e-mails, served by docs/renamed-away.zh.md: restore docs/renamed-away.zh.md, or add "
        "`renamed-away/: NEW-PAGE.md` to redirects.yml)"),
        ("published-links.yml:3: [en] /en/renamed-away/: no file en/renamed-away/index.html in the built site (an "
        "address sent in e-mails, served by docs/renamed-away.en.md: restore docs/renamed-away.en.md, or add "
        "`renamed-away/: NEW-PAGE.md` to redirects.yml)"),
    ]


def test_steps_must_point_at_registered_links() -> None:
    data = {"pages": [{"path": "register/", "anchors": ["open-the-form"]}],
            "steps": [{"link": "register/#typo", "zh": "注册", "en": "Register"}]}
    with pytest.raises(SourceError, match=r"steps #1: link 'register/#typo' is not a page or anchor"):
        pl.parse_registry(data, ["zh", "en"])


def test_a_step_needs_words_in_every_language() -> None:
    data = {"pages": [{"path": "register/"}], "steps": [{"link": "register/", "zh": "注册"}]}
    with pytest.raises(SourceError, match=r"steps #1 \(register/\): needs a text for en"):
        pl.parse_registry(data, ["zh", "en"])


@pytest.mark.parametrize("path", ["register", "/register/", "register/index.html"])
def test_page_paths_must_be_folders(path: str) -> None:
    with pytest.raises(SourceError, match="must be '' or end in '/'"):
        pl.parse_registry({"pages": [{"path": path}]}, ["zh", "en"])


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
