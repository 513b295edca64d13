"""The export's pure parts: what is printed after a link, where a link points on paper, dates, fonts."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from fixture_site import SITE

from guide.pdf import export as export_pdf
from guide.pdf.compose import printed_address, resolve_link
from guide.pdf.fonts import NEEDED, describe_missing
from guide.pdf.render import write_atomically
from guide.sources.site_config import Language


@pytest.mark.parametrize(("href", "text", "printed"), [
    ("https://www.chsi.com.cn/", "CHSI's home page", "https://www.chsi.com.cn/"),
    ("https://www.chsi.com.cn/", "www.chsi.com.cn", ""),  # the text already shows the address
    ("mailto:kefu@chsi.com.cn", "kefu@chsi.com.cn", ""),
    ("mailto:kefu@chsi.com.cn?subject=%E5%AD%A6&body=x", "write to CHSI", "kefu@chsi.com.cn"),
    ("tel:+861067410388", "010-67410388", ""),
    ("tel:+861067410388", "call the Chinese service", "+861067410388"),
    ("#register--open-the-form", "Open the form", ""),
    ("ftp://example.org/file", "a file", ""),
])
def test_printed_address(href: str, text: str, printed: str) -> None:
    assert printed_address(href, text) == printed


ZH, EN = Language("zh", "中文", True), Language("en", "English", False)
CHAPTERS = {"", "register/", "locked-out/"}


@pytest.mark.parametrize(("href", "page", "language", "resolved"), [
    ("../register/", "http://site.invalid/locked-out/", ZH, "#chapter-register"),
    ("../locked-out/#plan-2", "http://site.invalid/en/register/", EN, "#locked-out--plan-2"),
    ("#plan-2", "http://site.invalid/locked-out/", ZH, "#locked-out--plan-2"),
    ("..", "http://site.invalid/register/", ZH, "#chapter-home"),
    ("../checklist/", "http://site.invalid/en/register/", EN, "https://g.example/guide/en/checklist/"),
    ("../en/register/", "http://site.invalid/register/", ZH, "https://g.example/guide/en/register/"),
    ("https://www.chsi.com.cn/", "http://site.invalid/register/", ZH, "https://www.chsi.com.cn/"),
    ("mailto:kefu@chsi.com.cn", "http://site.invalid/register/", ZH, "mailto:kefu@chsi.com.cn"),
])
def test_resolve_link(href: str, page: str, language: Language, resolved: str) -> None:
    assert resolve_link(href, page, language, CHAPTERS, "https://g.example/guide/") == resolved


@pytest.mark.parametrize(("git", "expected"), [("2026-11-20\n", "2026-11-20"), ("", "2026-12-01"),
                                                ("fatal: not a git repository", "2026-12-01")])
def test_version_date(git: str, expected: str) -> None:
    assert export_pdf.version_date(git, dt.date(2026, 12, 1)) == expected


def test_site_root_drops_the_language_prefix() -> None:
    assert export_pdf.site_root("https://g.example/guide/en/", EN) == "https://g.example/guide/"
    assert export_pdf.site_root("https://g.example/guide/", ZH) == "https://g.example/guide/"


def test_main_refuses_a_directory_that_is_not_a_built_site(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(SITE)
    assert export_pdf.main(["--site-dir", str(tmp_path)]) == 2
    assert "not a built site" in capsys.readouterr().err


def test_atomic_write_keeps_the_old_file_when_writing_fails(tmp_path: Path) -> None:
    target = tmp_path / "chsi-guide-zh.pdf"
    write_atomically(target, b"%PDF-old")
    with pytest.raises(TypeError):
        write_atomically(target, "not bytes")  # type: ignore[arg-type]
    assert target.read_bytes() == b"%PDF-old"
    assert [p.name for p in tmp_path.iterdir()] == ["chsi-guide-zh.pdf"]


def test_a_missing_fc_list_names_fontconfig() -> None:
    # Without fontconfig's fc-list every font looks missing; the fix is one more package, not the fonts.
    lines = describe_missing(list(NEEDED), have_fc_list=False)
    assert "install the Debian package fontconfig" in lines[-2]
    assert lines[-1].startswith("no PDF written: run  sudo apt-get install fontconfig fonts-dejavu-core fonts-noto-cjk ")
