"""One public address: a build without it carries no loopback address anywhere; a build with it prints and encodes it
(its QR codes read back from the PDFs as a phone would: rendered to pixels with poppler, then decoded with zbar)."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from fixture_site import SITE
from pypdf import PdfReader

from guide.outputs import qr_codes
from guide.sources.site_address import HOW_TO_SET, public_address

PUBLISHED = "https://example.edu/chsi-guide/"
LOOPBACK = re.compile(r"127\.0\.0\.1|localhost|\[::1\]", re.IGNORECASE)
TEXT_FILES = ("*.html", "*.xml", "*.svg", "*.json", "*.txt", "_headers")


def make_build(site: Path, site_url: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL=site_url)  # "": as unset, mkdocs.yml's default
    proc = subprocess.run([sys.executable, "-m", "guide.outputs.build", "--site-dir", str(site)],
                          cwd=SITE, env=env, capture_output=True, text=True, check=False)
    assert proc.returncode == 0, f"build failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}"
    return proc


@pytest.fixture(scope="module")
def default_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    site = tmp_path_factory.mktemp("default") / "site"
    proc = make_build(site, "")
    return site, proc.stdout + proc.stderr


@pytest.fixture(scope="module")
def published_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("published") / "site"
    make_build(site, PUBLISHED)
    return site


@pytest.mark.parametrize(("url", "expected"), [
    (None, None), ("", None),
    ("http://127.0.0.1:8000/", None), ("http://localhost:8000/guide/", None), ("http://127.1.2.3/", None),
    ("http://[::1]:8000/", None), ("http://0.0.0.0:8000/", None), ("ftp://example.edu/", None),
    ("https://example.edu/chsi-guide", "https://example.edu/chsi-guide/"),
    ("https://pku.github.io/guide/", "https://pku.github.io/guide/"),
])
def test_only_an_address_others_can_reach_is_public(url: str | None, expected: str | None) -> None:
    assert public_address(url) == expected


def test_a_default_build_carries_no_loopback_address_and_says_what_it_left_out(default_build: tuple[Path, str]) -> None:
    site, printed = default_build
    files = [p for pattern in TEXT_FILES for p in site.rglob(pattern)]
    assert len(files) > 20
    found = [f"{p.relative_to(site)}: {m.group(0)}" for p in files
             for m in [LOOPBACK.search(p.read_text(encoding="utf-8", errors="replace"))] if m]
    pdfs = sorted((site / "downloads").glob("*.pdf"))
    assert len(pdfs) == 4
    for pdf in pdfs:
        text = "\n".join(page.extract_text() or "" for page in PdfReader(pdf).pages)
        found += [f"{pdf.relative_to(site)}: {m.group(0)}" for m in [LOOPBACK.search(text)] if m]
    assert found == []
    assert "No public address was set" in printed and HOW_TO_SET in printed
    assert not (site / "sitemap.xml").exists()
    assert not list((site / "downloads").glob("qr-guide-*.svg"))
    for prefix in ("", "en/"):
        page = (site / prefix / "checklist" / "index.html").read_text(encoding="utf-8")
        assert "qr-guide-" not in page and HOW_TO_SET in page
        assert 'rel="canonical"' not in page


@pytest.mark.parametrize(("name", "home"), [("zh", PUBLISHED), ("en", PUBLISHED + "en/")])
def test_the_build_writes_one_qr_code_per_language_encoding_its_home(published_build: Path, name: str,
                                                                     home: str) -> None:
    svg = (published_build / "downloads" / f"qr-guide-{name}.svg").read_text(encoding="utf-8")
    assert svg == qr_codes.qr_svg(home)
    assert 'viewBox="' in svg and "<?xml" not in svg
    page = (published_build / ("en/" if name == "en" else "") / "checklist" / "index.html").read_text("utf-8")
    assert f"qr-guide-{name}.svg" in page


@pytest.mark.parametrize("pdf", ["chsi-checklist", "chsi-guide"])
@pytest.mark.parametrize(("name", "home"), [("zh", PUBLISHED), ("en", PUBLISHED + "en/")])
def test_each_pdf_prints_and_encodes_its_home_page(published_build: Path, tmp_path: Path, pdf: str, name: str,
                                                    home: str) -> None:
    path = published_build / "downloads" / f"{pdf}-{name}.pdf"
    assert home in PdfReader(path).pages[0].extract_text()
    # Every QR code zbar finds on the pages, rendered at 200 dpi (about a phone camera's view of paper).
    subprocess.run(["pdftoppm", "-r", "200", "-png", str(path), str(tmp_path / "page")], check=True)
    found: list[str] = []
    for image in sorted(tmp_path.glob("page*.png")):
        proc = subprocess.run(["zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", str(image)],
                              capture_output=True, text=True, check=False)
        found += proc.stdout.split()
    assert found == [home]


def test_a_published_build_names_its_address_in_the_sitemap_and_links(published_build: Path) -> None:
    sitemap = (published_build / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{PUBLISHED}register/</loc>" in sitemap
    page = (published_build / "en" / "register" / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{PUBLISHED}en/register/">' in page
    assert f'href="{PUBLISHED}register/" hreflang="zh"' in page
