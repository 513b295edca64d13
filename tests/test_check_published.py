"""make check: every page of docs/ is listed in published-links.yml, and every listed address, down to its #anchor,
is served by the built site in every language."""
from __future__ import annotations

import shutil
from pathlib import Path

from guide.checks import published

PROJECT = Path(__file__).parent / "data" / "checks" / "project"


def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(PROJECT, root)
    return root


def built(tmp_path: Path, pages: dict[str, str]) -> Path:
    """A built site in miniature: each path's index.html with the given ids."""
    site = tmp_path / "site"
    for path, ids in pages.items():
        (site / path).mkdir(parents=True, exist_ok=True)
        body = "".join(f'<h2 id="{anchor}">x</h2>' for anchor in ids.split())
        (site / path / "index.html").write_text(f"<html><body>{body}</body></html>", encoding="utf-8")
    return site


def test_a_page_missing_from_the_registry_is_named(tmp_path: Path) -> None:
    root = project(tmp_path)
    assert published.listed_problems(root) == []
    for lang in ("zh", "en"):
        (root / "docs" / f"faq.{lang}.md").write_text("# FAQ {#faq}\n", encoding="utf-8")
    assert published.listed_problems(root) == [
        ("published-links.yml:1: /faq/ (docs/faq.zh.md and its translation) is not listed: add '  - path: faq/' under "
        "pages, so that make check names any link to it that stops working")]


def test_a_listed_old_address_protects_the_page_it_redirects_to(tmp_path: Path) -> None:
    root = project(tmp_path)
    registry = root / "published-links.yml"
    registry.write_text(registry.read_text(encoding="utf-8").replace("path: contact/", "path: phone/"),
                        encoding="utf-8")
    assert len(published.listed_problems(root)) == 1
    (root / "redirects.yml").write_text("redirects:\n  phone/: contact.md\n", encoding="utf-8")
    assert published.listed_problems(root) == []


def test_a_published_anchor_or_page_gone_from_the_built_site_is_named(tmp_path: Path) -> None:
    root = project(tmp_path)
    whole = {"": "what-you-get", "register/": "open-the-form", "contact/": "hotlines",
             "en/": "what-you-get", "en/register/": "open-the-form", "en/contact/": "hotlines"}
    assert published.dead_problems(root, built(tmp_path / "good", whole)) == []
    broken = {**whole, "en/register/": "form"}
    del broken["contact/"]
    assert published.dead_problems(root, built(tmp_path / "bad", broken)) == [
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


def test_a_registry_that_cannot_be_read_is_one_line(tmp_path: Path) -> None:
    root = project(tmp_path)
    (root / "published-links.yml").write_text("pages:\n  - path: register\n", encoding="utf-8")
    assert published.listed_problems(root) == [
        "published-links.yml: pages #1: path must be '' or end in '/' (got 'register'): fix this entry"]
