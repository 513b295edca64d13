"""make email-kit: a bilingual snippet with a deep link per step, QR codes holding the guide's address, all checked."""
from __future__ import annotations

import html
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import segno
from fixture_site import SITE, copy_site
from published_support import REGISTRY, ROOT, ROOTS, pl, site_with_pdfs

from guide.outputs import email_kit
from guide.outputs.qr_codes import qr_svg
from guide.sources.words import words

DATA = Path(__file__).parent / "data"
SITE_URL = "https://www.example.edu/chsi-guide/"
URL = re.compile(r"https?://\S+")


pytestmark = pytest.mark.usefixtures("in_the_tests_site")


@pytest.fixture(scope="module")
def full_site(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return site_with_pdfs(built_site, tmp_path_factory.mktemp("full"))


@pytest.fixture(scope="module")
def kit(full_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The kit for SITE_URL, written where `make email-kit` writes it: in a copy of the built site with its PDFs."""
    site = tmp_path_factory.mktemp("kit") / "site"
    shutil.copytree(full_site, site)
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(SITE)
        # Without a trailing slash on purpose: the kit must still put every page under /chsi-guide/.
        patch.setenv("SITE_URL", SITE_URL.rstrip("/"))
        assert email_kit.main(["--site-dir", str(site)]) == 0
    return site / "downloads" / "email-kit"


def html_links(kit: Path) -> list[tuple[str, str, str]]:  # (language of the enclosing block, href, text)
    text = (kit / "email-snippet.html").read_text(encoding="utf-8")
    return [(lang, html.unescape(href), html.unescape(label))
            for lang, block in re.findall(r'<div lang="([^"]*)">(.*?)</div>', text, re.DOTALL)
            for href, label in re.findall(r'<a href="([^"]*)">([^<]*)</a>', block)]


def step_urls(lang: str) -> list[str]:
    return [SITE_URL + ROOTS[lang] + step.link for step in REGISTRY.steps]


@pytest.mark.parametrize(("lang", "block"), [("zh", "zh-Hans"), ("en", "en")])
def test_html_and_text_have_a_deep_link_per_step_in_each_language(kit: Path, lang: str, block: str) -> None:
    links = [(href, text) for where, href, text in html_links(kit) if where == block]
    steps = [(href, text) for href, text in links if "/downloads/" not in href and href != SITE_URL + ROOTS[lang]]
    assert steps == [(url, step.labels[lang]) for url, step in zip(step_urls(lang), REGISTRY.steps, strict=True)]
    assert (SITE_URL + ROOTS[lang], words(lang).email_kit["guide"]) in links
    assert SITE_URL + f"downloads/chsi-guide-{lang}.pdf" in [href for href, _ in links]
    # The plain text has each step's link on a line of its own.
    lines = [line.strip() for line in (kit / "email-snippet.txt").read_text(encoding="utf-8").splitlines()]
    for url in step_urls(lang):
        assert url in lines, f"{url} is not on a line of its own"


def test_every_link_in_the_kit_exists_in_the_built_site(kit: Path, full_site: Path) -> None:
    urls = {href for _, href, _ in html_links(kit)} | set(URL.findall((kit / "email-snippet.txt").read_text("utf-8")))
    assert len(urls) == 18  # per language: the guide, six steps, two PDFs
    for url in sorted(urls):
        assert url.startswith(SITE_URL), url
        assert pl.check_link(full_site, url[len(SITE_URL):]) is None, url


@pytest.mark.parametrize(("built", "site_url", "message"), [
    (True, "", "SITE_URL=https://"),  # without a public address, no kit
    (True, "http://127.0.0.1:8000/", "SITE_URL=https://"),
    (True, "http://localhost:8000/guide/", "SITE_URL=https://"),
    (False, "", "run `make build` first"),
    (True, "ftp://example.edu/guide/", "SITE_URL must be an http(s) address"),
    (True, "https://example.edu/guide/?x=1", "SITE_URL must be an http(s) address"),
    (True, "example.edu/guide/", "SITE_URL must be an http(s) address"),
])
def test_a_refusal_exits_2_writes_nothing_and_says_what_to_do(full_site: Path, tmp_path: Path, built: bool,
                                                              site_url: str, message: str,
                                                              monkeypatch: pytest.MonkeyPatch,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("SITE_URL", site_url)  # "" as when it is not set: mkdocs.yml's default
    site = full_site if built else tmp_path / "nothing"
    assert email_kit.main(["--site-dir", str(site)]) == 2
    assert not (site / "downloads" / "email-kit").exists()
    assert message in capsys.readouterr().err


# --- QR codes ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["zh", "en"])
def test_qr_svg_encodes_and_png_decodes_to_the_guides_address(kit: Path, lang: str) -> None:
    # The site's own QR code (tests/test_public_address.py reads it back from the PDFs).
    assert (kit / f"qr-guide-{lang}.svg").read_text(encoding="utf-8") == qr_svg(SITE_URL + ROOTS[lang])
    proc = subprocess.run(["zbarimg", "--quiet", "--raw", str(kit / f"qr-guide-{lang}.png")],
                          capture_output=True, text=True, check=False)
    assert proc.stdout.strip() == SITE_URL + ROOTS[lang]


# --- refusals ---------------------------------------------------------------------------------------

def test_a_dead_step_link_exits_1_names_it_and_writes_nothing(full_site: Path, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    project = copy_site(tmp_path / "project")
    shutil.copyfile(DATA / "published-links-dead-step.yml", project / "published-links.yml")
    monkeypatch.chdir(project)
    monkeypatch.setenv("SITE_URL", SITE_URL)
    code = email_kit.main(["--site-dir", str(full_site)])
    printed = capsys.readouterr().out
    assert code == 1
    assert f"[en] {SITE_URL}en/register/#no-such-step: no id 'no-such-step' in en/register/index.html" in printed
    assert not (full_site / "downloads" / "email-kit").exists()


def test_the_make_target_is_the_build_that_requires_an_address() -> None:
    # make build writes the kit for a public address (tests/test_build_site.py); make email-kit is that build,
    # refused before it starts when there is no such address.
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^email-kit: setup-site\n\t\$\(PY\) -m guide\.outputs\.build --email-kit$", makefile, re.MULTILINE)


def test_writes_the_six_files_prints_where_or_nothing_and_a_failure_half_way_leaves_them_as_they_were(
        kit: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    kit_site = kit.parent.parent
    before = {p.name: p.read_bytes() for p in kit.iterdir()}
    downloads = sorted(p.name for p in kit.parent.iterdir())
    monkeypatch.setenv("SITE_URL", SITE_URL)
    assert email_kit.main(["--site-dir", str(kit_site), "--quiet"]) == 0
    assert capsys.readouterr() == ("", "")
    assert {p.name: p.read_bytes() for p in kit.iterdir()} == before
    assert email_kit.main(["--site-dir", str(kit_site)]) == 0
    printed = capsys.readouterr().out.splitlines()
    names = ["email-snippet.html", "email-snippet.txt", "qr-guide-zh.svg", "qr-guide-zh.png", "qr-guide-en.svg",
             "qr-guide-en.png"]
    assert printed[:-1] == [str(kit / name) for name in names]
    assert printed[-1].startswith(f"email-kit: wrote 6 files to {kit}/ (18 links checked")
    assert sorted(p.name for p in kit.iterdir()) == sorted(names)
    calls = []

    def failing_qr(url: str):
        calls.append(url)
        if len(calls) == 2:  # the second language's QR code: half the new kit is written by then
            raise OSError("disk full")
        return segno.make(url, error="m")

    monkeypatch.setattr(email_kit, "qr_code", failing_qr)
    monkeypatch.setenv("SITE_URL", "https://other.example/guide/")
    with pytest.raises(OSError, match="disk full"):
        email_kit.main(["--site-dir", str(kit_site)])
    assert {p.name: p.read_bytes() for p in kit.iterdir()} == before
    assert sorted(p.name for p in kit.parent.iterdir()) == downloads, "no half-written folder is left"
