"""The PDFs made from the real build: exported once for this module into a copy of the built site."""
from __future__ import annotations

import io
import re
import shutil
import stat
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

import pytest
import site_sources
from browser import serve
from fixture_site import SITE
from html_facts import read_page
from project_facts import EMAIL, HOTLINES, ITEMS
from project_facts import FACTS as PROJECT_FACTS
from published_support import site_with_pdfs
from pypdf import PdfReader

from guide.sources.words import words

# The cover's date: the last commit that changed the project's docs/ or includes/ (here the tests' site's).
VERSION_DATE = subprocess.run(["git", "log", "-1", "--format=%cs", "--", "docs", "includes"], cwd=SITE, check=True,
                              capture_output=True, text=True).stdout.strip()
FACTS = [*HOTLINES.values(), EMAIL, PROJECT_FACTS.school, PROJECT_FACTS.addresses["chsi-intl-register"]]


@dataclass
class Pdf:
    path: Path
    reader: PdfReader
    pages: list[str]  # extracted text per page
    text: str


def squeeze(text: str) -> str:  # a long address wraps across lines on paper
    return "".join(text.split())


@pytest.fixture(scope="module")
def exported(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the built site with the PDFs exported into it, as make build leaves it (shared by the session)."""
    return site_with_pdfs(built_site, tmp_path_factory.mktemp("pdf"))


@pytest.fixture(scope="module")
def pdfs(exported: Path) -> dict[str, Pdf]:
    pdfs = {}
    for name in ("guide-zh", "guide-en", "checklist-zh", "checklist-en"):
        reader = PdfReader(exported / "downloads" / f"chsi-{name}.pdf")
        pages = [page.extract_text() or "" for page in reader.pages]
        pdfs[name] = Pdf(exported / "downloads" / f"chsi-{name}.pdf", reader, pages, "\n".join(pages))
    return pdfs


@pytest.mark.parametrize("name", ["guide-zh", "guide-en"])
@pytest.mark.parametrize("fact", FACTS)
def test_each_guide_holds_the_key_facts(pdfs: dict[str, Pdf], name: str, fact: str) -> None:
    assert squeeze(fact) in squeeze(pdfs[name].text)


@pytest.mark.parametrize(("name", "faces"), [("guide-zh", {"Noto-Sans-CJK-SC"}),
                                             ("guide-en", {"DejaVu-Sans", "Noto-Sans-CJK-SC"})])
def test_the_guides_are_in_simplified_chinese_noto_and_no_japanese_face(pdfs: dict[str, Pdf], name: str,
                                                                       faces: set[str]) -> None:
    fonts = set()
    for page in pdfs[name].reader.pages:
        resources = page.get("/Resources")
        for font in ((resources.get_object().get("/Font") if resources else None) or {}).values():
            fonts.add(str(font.get_object().get("/BaseFont")).split("+", 1)[-1])
    assert faces <= fonts and not any("JP" in f or "jp" in f for f in fonts), fonts


@pytest.mark.parametrize(("name", "chapters"), [
    ("guide-zh", ["学信网注册指南", "注册学信网账号", "没有中国大陆手机号", "核验身份", "修改姓名"]),
    ("guide-en", ["CHSI registration guide", "Register a CHSI account", "No Chinese mainland phone number",
                  "Verify your identity", "Change your registered name"])])
def test_contents_follow_the_nav_and_point_to_the_pages_with_those_titles(pdfs: dict[str, Pdf], name: str,
                                                                          chapters: list[str]) -> None:
    pdf = pdfs[name]
    assert ("目录" if name.endswith("zh") else "Contents") in pdf.pages[1], "the contents must follow the cover"
    entries: list[tuple[str, int]] = []  # (title, page) of each line with leader dots, up to the first chapter's page
    for index, text in enumerate(pdf.pages[1:], start=1):
        if entries and index >= entries[0][1] - 1:
            break
        for line in text.splitlines():
            match = re.fullmatch(r"\s*(.+?)[\s.]*\.\s*(\d+)\s*", line)
            if match:
                entries.append((match.group(1).strip(" ."), int(match.group(2))))
    assert len(entries) >= 9 + 9, entries  # every chapter and its sections (9 chapters, each with at least one)
    pages = [n for _title, n in entries]
    assert pages == sorted(pages), "contents out of order"
    for title, number in entries:
        assert 1 <= number <= len(pdf.pages)
        assert squeeze(title) in squeeze(pdf.pages[number - 1]), f"{title!r} is not on page {number}"
    positions = [[t for t, _n in entries].index(t) for t in chapters]
    assert positions == sorted(positions), entries


@pytest.mark.parametrize(("name", "lang", "title"), [("guide-zh", "zh", "学信网注册指南"),
                                                     ("guide-en", "en", "CHSI registration guide")])
def test_metadata_and_a_cover_with_the_version_date_and_no_address(pdfs: dict[str, Pdf], name: str, lang: str,
                                                                   title: str) -> None:
    reader = pdfs[name].reader
    assert reader.metadata.title == title
    assert "Peking University" in (reader.metadata.author or "")
    assert reader.trailer["/Root"]["/Lang"] == lang
    # The session's build has no public address: the cover prints none (tests/test_public_address.py prints one).
    assert VERSION_DATE in pdfs[name].pages[0] and "http" not in pdfs[name].pages[0]


@pytest.mark.parametrize("name", ["guide-zh", "guide-en", "checklist-zh", "checklist-en"])
def test_pdfs_are_tagged_for_screen_readers_and_each_checklist_is_exactly_one_page(pdfs: dict[str, Pdf],
                                                                                   name: str) -> None:
    root = pdfs[name].reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"])  # a pypdf BooleanObject
    assert "/StructTreeRoot" in root
    if name.startswith("checklist"):
        # The export itself refuses a guide too large to e-mail (export.size_problems), and `exported` asserts it passed.
        assert len(pdfs[name].pages) == 1
        assert HOTLINES["hotline-en"] in pdfs[name].text and EMAIL in pdfs[name].text


MIN_BODY_LINES = 5  # fewer on a page is a page nearly empty: paper and ink for two lines


@pytest.mark.parametrize(("name", "long_chapter"), [("guide-zh", "注册学信网账号"), ("guide-en", "Register a CHSI account")])
def test_page_numbers_and_running_headers_name_the_chapter_and_no_page_is_left_nearly_empty(
        pdfs: dict[str, Pdf], name: str, long_chapter: str) -> None:
    # A page holding a chapter's last line or two reads as the end of the guide; a whole short chapter is fine.
    pdf = pdfs[name]
    title = pdf.reader.metadata.title
    pages = []  # each page's lines without its furniture (the page number; the running header "<chapter> <title>")
    for text in pdf.pages:
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        body = [line for line in lines if not re.fullmatch(r"\d+ / \d+", line) and not line.endswith(title)]
        pages.append((body, next((line.removesuffix(title).strip() for line in lines if line.endswith(title)), "")))
    chapters = [chapter for _, chapter in pages]
    nearly_empty = []
    assert len(pages) >= 10
    for number, (body, chapter) in enumerate(pages[1:], 2):  # page 1 is the cover
        assert f"{number} / {len(pages)}" in pdf.pages[number - 1], f"page {number} has no footer"
        whole_chapter = chapter not in (chapters[number - 2], chapters[number] if number < len(pages) else None)
        if len(body) < MIN_BODY_LINES and not whole_chapter:
            nearly_empty.append(f"page {number} ({chapter}): {body}")
    assert len(set(chapters)) > 5, chapters  # the headers were read: one chapter per page of the site
    assert chapters.count(long_chapter) >= 2, chapters  # the pages that continue a chapter name it too
    assert nearly_empty == []


@pytest.mark.parametrize("name", ["guide-zh", "guide-en"])
def test_the_e_mail_to_chsi_has_its_paper_form(pdfs: dict[str, Pdf], name: str) -> None:
    # In reading order as poppler lays the page out (pypdf's order follows the tags, not the page).
    text = squeeze(subprocess.run(["pdftotext", "-layout", str(pdfs[name].path), "-"], check=True,
                                  capture_output=True, text=True).stdout)
    subject = squeeze(PROJECT_FACTS.subject)
    paper = words(name[-2:]).mail_form["paper"]
    assert squeeze(EMAIL) + squeeze(paper.split("{address}")[1].split("{")[0]) + subject in text, \
        "the paper form names the address, then the subject"
    heading = words(name[-2:]).mail_form["heading"]
    assert squeeze(heading) not in text, "the e-mail composer is a form: it has no place on paper"
    # The seven items are printed just before it, each with its Chinese label (the first word after its number).
    before = text[:text.index(subject)]
    plan_2 = before[before.rindex(squeeze(ITEMS[0])[:3]):]  # from "(1)姓" on
    for item in ITEMS:
        assert squeeze(" ".join(item.split()[:2])) in plan_2, item


@pytest.mark.parametrize(("name", "screen_only"), [("guide-en", "Select Write the"), ("guide-zh", "点击写邮件")])
def test_addresses_are_printed_after_links_but_no_site_chrome_nor_what_works_only_on_a_screen(
        pdfs: dict[str, Pdf], exported: Path, name: str, screen_only: str) -> None:
    text = squeeze(pdfs[name].text)
    assert f"({PROJECT_FACTS.addresses['chsi-home']})" in text  # after the link text "CHSI's home page" / "学信网首页"
    assert "subject=" not in text  # the prefilled e-mail link prints its address only
    for chrome in ("跳转至", "Skiptocontent", "搜索", "Search", "MadewithMaterial", "¶"):
        assert chrome not in text
    site_text = "".join(squeeze(re.sub(r"<[^>]+>", "", p.read_text("utf-8")))
                        for p in (exported / ("en" if name.endswith("en") else "")).glob("*/index.html"))
    assert squeeze(screen_only) in site_text and squeeze(screen_only) not in text


@pytest.mark.parametrize("name", ["guide-zh", "guide-en", "checklist-zh", "checklist-en"])
def test_copy_buttons_stay_on_the_screen(pdfs: dict[str, Pdf], exported: Path, name: str) -> None:
    lang = name.rsplit("-", 1)[1]
    page = (exported / ("en/" if lang == "en" else "") / "verify-identity" / "index.html").read_text("utf-8")
    shown = re.search(r'class="copy-text" data-copy="([^"]+)"[^>]*>([^<]+)</button>', page)
    assert shown, "the site has no copy button to leave out"
    assert squeeze(shown.group(1) + shown.group(2)) not in squeeze(pdfs[name].text)
    assert squeeze(shown.group(1)) in squeeze(pdfs[name].text)


def test_every_site_page_links_to_its_languages_pdfs_which_the_web_server_can_read(exported: Path) -> None:
    pages = site_sources.built_pages(exported)
    assert len(pages) >= 18
    for page in pages:
        lang = "en" if page.relative_to(exported).parts[0] == "en" else "zh"
        here = "http://h/" + page.parent.relative_to(exported).as_posix() + "/"
        targets = {urljoin(here, h) for h in read_page(page).hrefs if h.endswith(".pdf")}
        expected = {f"http://h/downloads/chsi-guide-{lang}.pdf", f"http://h/downloads/chsi-checklist-{lang}.pdf"}
        assert targets == expected, page
        for target in targets:
            assert (exported / target.removeprefix("http://h/")).is_file()
    # Their fixed names, no half-written file, and readable by the web server.
    assert sorted(p.name for p in (exported / "downloads").iterdir() if p.is_file()) == [
        "chsi-checklist-en.pdf", "chsi-checklist-zh.pdf", "chsi-guide-en.pdf", "chsi-guide-zh.pdf"]
    for pdf in (exported / "downloads").iterdir():
        assert pdf.stat().st_mode & stat.S_IROTH, f"{pdf.name} is private to its owner"


@pytest.mark.browser
@pytest.mark.parametrize("prefix", ["", "en/"])
def test_printing_the_checklist_page_from_a_browser_gives_one_clean_sheet(exported: Path, browser, prefix: str) -> None:
    """Ctrl+P in Chromium: print.css hides the site's chrome and keeps the checklist on one A4 page."""
    page = browser.new_page()
    with serve(exported) as base:
        page.goto(f"{base}{prefix}checklist/", wait_until="load")
        printed = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True, print_background=True)))
    page.close()
    assert len(printed.pages) == 1
    text = printed.pages[0].extract_text()
    assert EMAIL in text and HOTLINES["hotline-en"] in text
    for chrome in ("跳转至", "Skip to content", "整本指南", "The whole guide as a PDF"):  # skip link, PDF links
        assert chrome not in text


GOOD_FAMILY = 'html:lang(zh) {\n  font-family: "Noto Sans CJK SC", sans-serif;'


@pytest.mark.parametrize(("family", "no_fonts", "messages", "unwritten"), [
    # fontconfig with an empty configuration knows no fonts at all, as on a machine without fonts-noto-cjk.
    ('"Noto Sans CJK SC"', True, [("make pdf: font missing: Noto Sans CJK SC (for Chinese text); install the Debian "
                                  "package fonts-noto-cjk")], "*"),
    ('"Noto Sans CJK SX"', False, [("make pdf: docs/assets/stylesheets/pdf.css:{line}: font-family 'Noto Sans CJK SX' "
                                    "is not installed, so WeasyPrint would set the text in another face")], "*.pdf"),
    # Every family named is installed, but the Chinese text is left to fontconfig's choice (Noto Sans CJK JP here).
    ('"DejaVu Sans"', False, ["make pdf: chsi-guide-zh.pdf: set in Noto Sans CJK JP",
                              "which the stylesheets do not name"], "chsi-guide-zh.pdf"),
])
def test_a_missing_font_or_a_pdf_css_change_that_sets_another_face_stops_the_export(
        exported: Path, tmp_path: Path, family: str, no_fonts: bool, messages: list[str], unwritten: str) -> None:
    site = tmp_path / "site"  # a copy of the built site whose pdf.css may have one maintainer's change
    shutil.copytree(exported, site, ignore=shutil.ignore_patterns("*.pdf"))
    css = site / "assets" / "stylesheets" / "pdf.css"
    text = css.read_text(encoding="utf-8")
    assert GOOD_FAMILY in text
    css.write_text(text.replace(GOOD_FAMILY, GOOD_FAMILY.replace('"Noto Sans CJK SC"', family), 1), encoding="utf-8")
    config = tmp_path / "fonts.conf"
    config.write_text("<?xml version='1.0'?>\n<fontconfig></fontconfig>\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "guide.pdf", "--site-dir", str(site)], cwd=SITE, check=False,
                          capture_output=True, text=True,
                          env={"PATH": "/usr/bin:/bin", "FONTCONFIG_FILE": str(config)} if no_fonts else None)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    line = (text.split(GOOD_FAMILY)[0] + GOOD_FAMILY).count("\n") + 1
    for message in messages:
        assert message.format(line=line) in proc.stderr
    assert not list((site / "downloads").glob(unwritten)), "no PDF may be written"
