"""A screenshot's labels are found whole, each marker is judged by the row it is on, and a label OCR cannot read
counts when the office ticked it, as a note (guide/pictures/ocr.py, truth.py)."""
import datetime
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont
from shots_support import shot_ocr, shot_spec, shot_truth

OCR = pytest.mark.skipif(not shot_ocr.available(), reason="tesseract-ocr is installed by make test")
CJK = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
Box, Line, Word = shot_ocr.Box, shot_ocr.Line, shot_ocr.Word
LABELS = ["手机号", "密码", "密码确认", "安全邮箱", "立即注册"]


def row(y: int, *items: tuple[str, int, int]) -> Line:
    """A line of words, each (text, left, right), 20 pixels high, centred at height y."""
    ws = tuple(Word(text, Box(x0, y - 10, x1, y + 10)) for text, x0, x1 in items)
    return Line(" ".join(w.text for w in ws), Box(ws[0].box.x0, y - 10, ws[-1].box.x1, y + 10), ws)


@pytest.mark.parametrize(("line", "label", "found"), [
    (row(20, ("手机号", 20, 80), ("13800138000", 140, 300)), "手机号", "手机号"),  # a field beside it
    (row(20, ("*", 10, 16), ("手机号", 20, 80)), "手机号", "* 手机号"),  # the mark of a required field
    (row(20, ("可", 20, 40), ("通过", 42, 82), ("手机号", 84, 144), ("找回", 146, 186), ("密码", 188, 228)),
     "手机号", None),  # small print that mentions the label
    (row(20, ("密码", 20, 60), ("确认", 62, 102)), "密码", None),
    (row(20, ("密码", 20, 60), ("确认", 62, 102)), "密码确认", "密码 确认"),
    (row(20, ("短信", 20, 60), ("验证码", 64, 124), ("重新获取", 300, 380)), "短信验证码", "短信 验证码"),
])
def test_a_label_is_found_only_as_a_whole_group_of_words(line: Line, label: str, found: str | None) -> None:
    got = shot_ocr.find_label([line], label)
    assert (got.text if got else None) == found


GOOD = {"kind": "screenshot", "taken": datetime.date(2026, 12, 6), "original": "a.png", "width": 400, "redact": []}


def judged(tmp_path: Path, lines: list[Line], markers: list[list[int]], steps: str,
           shows: tuple[str, ...] = ()) -> tuple[list[str], list[str]]:
    spec = shot_spec.parse_spec({**GOOD, "markers": markers, "shows": list(shows)}, tmp_path / "a.yml")
    (tmp_path / "p.zh.md").write_text(f"![x](images/a.png)\n\n说明。\n\n{steps}", encoding="utf-8")
    return shot_truth.judge_screenshot(spec, lines, shot_truth.uses(tmp_path, "a.png"), LABELS, 32, lambda y0, y1: [])


FORM = [row(40, ("手机号", 20, 80)), row(100, ("密码", 20, 60)), row(160, ("密码", 20, 60), ("确认", 62, 102)),
        row(220, ("可", 20, 40), ("通过", 42, 82), ("手机号", 84, 144), ("找回", 146, 186), ("密码", 188, 228))]


def test_a_marker_is_judged_by_the_label_on_its_own_row(tmp_path: Path) -> None:
    steps = "1. 填写**手机号**。\n2. 设置**密码**。\n3. 填写**密码确认**。\n"
    assert judged(tmp_path, FORM, [[300, 40], [300, 100], [300, 160]], steps) == ([], [])
    # marker 1 on the small print, marker 2 on the row of 密码确认: the labels are elsewhere
    found = judged(tmp_path, FORM, [[300, 220], [300, 160], [300, 100]], steps)[0]
    page = tmp_path / "p.zh.md"
    assert found == [
        (f"{page}:5: marker 1 at [300, 220] is not on the row of **手机号**, which step 1 names (OCR reads it at "
         "height 30-50): move marker 1 beside it (make mark-picture NAME=a)"),
        (f"{page}:6: marker 2 at [300, 160] is not on the row of **密码**, which step 2 names (OCR reads it at "
         "height 90-110): move marker 2 beside it (make mark-picture NAME=a)"),
        (f"{page}:7: marker 3 at [300, 100] is not on the row of **密码确认**, which step 3 names (OCR reads it at "
         "height 150-170): move marker 3 beside it (make mark-picture NAME=a)"),
    ]


def test_a_label_ocr_cannot_read_counts_when_ticked_and_is_listed_as_a_note(tmp_path: Path) -> None:
    lines = [*FORM, row(280, ("安全", 20, 60), ("妆箱", 62, 102))]  # 邮 misread, as tesseract does
    steps = "1. 填写**手机号**。\n2. 填写**安全邮箱**。\n"
    page = tmp_path / "p.zh.md"
    problems, notes = judged(tmp_path, lines, [[300, 40], [300, 280]], steps)
    assert notes == []
    assert problems == [
        (f"{page}:6: step 2 names **安全邮箱**, which OCR cannot read in images/a.png: use a screenshot that shows it "
         "and do not black it out; if the picture does show it, tick it under “Screen labels the picture shows” "
         "(make mark-picture NAME=a)")]
    problems, notes = judged(tmp_path, lines, [[300, 40], [300, 280]], steps, shows=("手机号", "安全邮箱"))
    assert problems == []
    assert notes == [
        (f"{page}:6: note: step 2 names **安全邮箱**, which OCR cannot read in images/a.png; it counts because it is "
         f"ticked under “Screen labels the picture shows” ({tmp_path / 'a.yml'}, shows): make sure the picture "
         "shows it")]


@OCR
def test_ocr_of_a_drawn_form_finds_labels_whole(tmp_path: Path) -> None:
    """Tesseract's own reading: a label beside a field is found; the same words inside small print or a longer label
    are not."""
    img = Image.new("RGB", (640, 260), "white")
    draw = ImageDraw.Draw(img)
    big, small = ImageFont.truetype(CJK, 26), ImageFont.truetype(CJK, 18)
    draw.text((30, 20), "*手机号", fill="black", font=big)
    draw.rectangle((200, 14, 560, 56), outline=(180, 180, 180), width=2)
    draw.text((30, 100), "密码确认", fill="black", font=big)
    draw.rectangle((200, 94, 560, 136), outline=(180, 180, 180), width=2)
    draw.text((30, 190), "以下信息为选填项，忘记密码时可通过手机号找回密码", fill=(120, 120, 120), font=small)
    lines = shot_ocr.read_lines(img)
    phone, password, confirm = (shot_ocr.find_label(lines, label) for label in ("手机号", "密码", "密码确认"))
    assert phone is not None and phone.box.y1 < 80  # the label, not the small print
    assert confirm is not None
    assert password is None
