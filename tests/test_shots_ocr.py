"""OCR (Debian's tesseract, chi_sim+eng): made-up personal data typed into a drawn page (a test fixture, never a
committed source) is readable in its capture and in no published picture, and no committed picture shows any."""
import re
import shutil
from pathlib import Path

import pytest
from fixture_site import copy_site
from PIL import Image
from project_facts import EMAIL, HOTLINES, facts_module
from shots_support import FAKE_DATA, FIXTURES, SHOTS, annotate_shots, capture_shots_main, shot_ocr

pytestmark = pytest.mark.skipif(not shot_ocr.available(), reason="tesseract-ocr is installed by make test")
BROWSER = pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="needs Debian's chromium")
SAMPLE_PAGES = FIXTURES / "sample-data"


def one_word(text: str, box: shot_ocr.Box) -> shot_ocr.Line:
    """A line tesseract read as one word, sure of it."""
    return shot_ocr.Line(text, box, (shot_ocr.Word(text, box),))


def squeezed(lines: list[shot_ocr.Line]) -> str:
    """What OCR read, lower-case, without spaces or punctuation (so '138 0013 8000' still matches)."""
    return re.sub(r"[\s.@_\-+|:]", "", " ".join(line.text for line in lines).lower())


@pytest.fixture(scope="module")
def with_sample_data(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path]]:
    """The drawn pages with sample data typed in, captured and published: spec name -> (capture, picture)."""
    work = tmp_path_factory.mktemp("sample")
    shutil.copytree(SHOTS / "pages", work / "pages")
    for page in SAMPLE_PAGES.glob("*.html"):
        shutil.copy(page, work / "pages" / page.name)
    specs = sorted(SAMPLE_PAGES.glob("*.yml"))
    for spec in specs:
        shutil.copy(spec, work / spec.name)
    assert capture_shots_main([str(work / s.name) for s in specs]) == 0
    project = copy_site(work / "project")  # make shots judges them in a copy of the tests' site
    assert annotate_shots.main([str(work / s.name) for s in specs] + ["--root", str(project)]) == 0
    return {s.stem: (work / "raw" / f"{s.stem}.png", project / "docs" / "images" / f"{s.stem}.png") for s in specs}


@BROWSER
def test_ocr_reads_the_sample_data_in_the_capture(with_sample_data: dict[str, tuple[Path, Path]]) -> None:
    raw, _ = with_sample_data["register-sample"]
    lines = shot_ocr.read_lines(Image.open(raw))
    text = squeezed(lines)
    for value in ("13800138000", "examplestudent", "xq7700123"):
        assert value in text
    kinds = {f.what for f in shot_ocr.personal_data(lines)}
    assert kinds >= {"a phone-like number", "a passport-like number", "a Latin name"}


@BROWSER
@pytest.mark.parametrize("name", ["register-sample", "account-sample"])
def test_ocr_reads_the_published_picture_but_no_sample_data(with_sample_data: dict[str, tuple[Path, Path]],
                                                            name: str) -> None:
    lines = shot_ocr.read_lines(Image.open(with_sample_data[name][1]))
    assert re.search(r"[\u4e00-\u9fff]{2}", "".join(line.text for line in lines)), "OCR read no Chinese word at all"
    assert [what for what, value in FAKE_DATA.items() if value in squeezed(lines)] == []
    assert shot_ocr.personal_data(lines) == []


@pytest.mark.parametrize(("line", "what"), [
    ("13800138000", "a phone-like number"),
    ("+86 138 0013 8000", "a phone-like number"),
    ("XQ7700123", "a passport-like number"),
    ("E 12345678", "a passport-like number"),
    ("student@example.org", "an e-mail address"),
    ("EXAMPLE STUDENT", "a Latin name"),
    ("ZHANG, SAN", "a Latin name"),
])
def test_each_kind_of_personal_data_is_found(line: str, what: str) -> None:
    found = shot_ocr.personal_data([one_word(line, shot_ocr.Box(1, 2, 3, 4))])
    assert what in {f.what for f in found}
    assert found[0].box == shot_ocr.Box(1, 2, 3, 4)


@pytest.mark.parametrize("line", [EMAIL, HOTLINES["hotline-en"], "CHSI", "方式 3", "2026-12-06", "18:30"])
def test_what_the_guide_quotes_is_not_personal_data(line: str) -> None:
    number = HOTLINES["hotline-en"]
    digits = [facts_module.international_digits(number).lstrip("+"), number.replace("-", "")]
    assert shot_ocr.personal_data([one_word(line, shot_ocr.Box(0, 0, 1, 1))], digits, ["CHSI"]) == []


@pytest.mark.parametrize(("label", "read", "found"), [
    ("我已阅读并同意《用户协议》、《隐私政策》", "我 已 阅读 并 同意 《用 户 协议 入 《隐私 政策 》", True),  # one misread
    ("证件号码", "“证 件 号 码", True),
    ("姓名", "“姓", False),
    ("立即注册", "立即 登录", False),
    ("密码", "密码", True),  # a line read as one word is one group
    ("密码", "密码确认", False),
])
def test_a_label_is_readable_despite_one_misread_character_in_six(label: str, read: str, found: bool) -> None:
    assert (shot_ocr.find_label([one_word(read, shot_ocr.Box(0, 0, 1, 1))], label) is not None) is found
