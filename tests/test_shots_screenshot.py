"""A real screenshot in: made upright, stripped of metadata and scaled; its spec checked; its committed picture
checked against the spec when the original is not on this machine; its steps checked against what OCR reads."""
import datetime
import io
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont
from shots_support import annotate_shots, shot_draw, shot_import, shot_ocr, shot_spec, shot_truth

open_original = shot_import.open_original

CJK = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
OCR = pytest.mark.skipif(not shot_ocr.available(), reason="tesseract-ocr is installed by make test")


@pytest.mark.parametrize("fmt", ["JPEG", "PNG"])
def test_an_original_is_turned_upright_stripped_and_scaled(tmp_path: Path, fmt: str) -> None:
    # A 'phone' screenshot stored sideways with orientation 6 (turn 90° clockwise to view), camera EXIF and a
    # comment: 400 wide x 200 high as stored, 200 x 400 upright; the top-left of the upright picture is red.
    path = tmp_path / f"shot.{fmt.lower()}"
    img = Image.new("RGB", (400, 200), "white")
    ImageDraw.Draw(img).rectangle((0, 150, 50, 199), fill=(255, 0, 0))  # upright, this is the top left
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation
    exif[0x010F] = "ExamplePhone"  # make
    exif[0x0132] = "2026:11:30 09:15:00"
    img.save(path, fmt, exif=exif, comment=b"secret") if fmt == "JPEG" else img.save(path, fmt, exif=exif)
    img = open_original(path, tmp_path / "x.yml", 100)
    assert img.size == (100, 200)  # upright 200 x 400, scaled to 100 wide
    red = img.getpixel((5, 5))
    assert red[0] > 200 and red[1] < 60
    assert img.info == {} and len(img.getexif()) == 0
    png = shot_draw.encode_png(img)
    assert {k for k, _ in shot_draw.png_chunks(png)} == {"IHDR", "IDAT", "IEND"}
    assert b"ExamplePhone" not in png and b"secret" not in png


def test_a_picture_of_another_format_is_refused_with_what_to_do(tmp_path: Path) -> None:
    Image.new("RGB", (10, 10)).save(tmp_path / "shot.gif")
    with pytest.raises(shot_spec.SpecError, match=r"shot\.gif is a GIF picture: save it as PNG or JPEG"):
        open_original(tmp_path / "shot.gif", "x.yml")
    (tmp_path / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\nnot really")
    with pytest.raises(shot_spec.SpecError, match=r"cannot be read as a picture .*: save it again as PNG or JPEG"):
        open_original(tmp_path / "broken.png", "x.yml")


GOOD = {"kind": "screenshot", "taken": datetime.date(2026, 12, 6), "original": "a.png", "width": 300,
        "redact": [[10, 10, 100, 40]], "markers": [[200, 25], [200, 80]]}


@pytest.mark.parametrize(("change", "field", "detail"), [
    ({"taken": "last week"}, "taken", "written like 2026-12-06"),
    ({"original": "../a.png"}, "original", "file name of the screenshot in shots/originals/"),
    ({"width": 2000}, "width", "at most 960"),
    ({"redact": [[100, 10, 10, 40]]}, "redact[0]", "[left, top, right, bottom]"),
    ({"markers": []}, "markers", "expected a list of [x, y]"),
    ({"markers": [[1.5, 2]]}, "markers[0]", "expected [x, y]"),
    ({"crop": {}}, "crop", "unknown field for a screenshot"),
    ({"kind": "photo"}, "kind", "expected one of ('drawing', 'screenshot')"),
])
def test_a_bad_screenshot_spec_names_the_field(tmp_path: Path, change: dict, field: str, detail: str) -> None:
    with pytest.raises(shot_spec.SpecError) as err:
        shot_spec.parse_spec({**GOOD, **change}, tmp_path / "a.yml")
    assert str(err.value).startswith(f"{tmp_path / 'a.yml'}: {field}: ") and detail in str(err.value)


def test_a_committed_screenshot_is_checked_against_its_spec(tmp_path: Path) -> None:
    (tmp_path / "originals").mkdir()
    img = Image.new("RGB", (600, 200), "white")
    ImageDraw.Draw(img).text((20, 20), "13800138000", fill="black", font=ImageFont.truetype(CJK, 24))
    img.save(tmp_path / "originals" / "a.png")
    spec = shot_spec.parse_spec(GOOD, tmp_path / "a.yml")
    rendered = annotate_shots.render_spec(spec)
    assert rendered.layout.size == (300, 100)
    out = tmp_path / "a.png"
    out.write_bytes(rendered.png)  # solid black-outs and its markers
    assert annotate_shots.committed_problems(spec, out) == []
    with Image.open(io.BytesIO(rendered.png)) as img:
        tampered = img.convert("RGB")
    ImageDraw.Draw(tampered).rectangle((20, 20, 30, 30), fill="white")  # a hole in the black-out
    ImageDraw.Draw(tampered).ellipse((180, 60, 220, 100), fill="white")  # marker 2 gone
    out.write_bytes(shot_draw.encode_png(tampered) + b"old")
    assert annotate_shots.committed_problems(spec, out) == [
        f"{out}: (file): something follows the picture's end (IEND): run `make shots` with the original"]
    out.write_bytes(shot_draw.encode_png(tampered))
    assert annotate_shots.committed_problems(spec, out) == [
        (f"{out}: (file): the black-out [10, 10, 100, 40] of {spec.path} is not one solid fill: run `make shots` with "
        "the original"),
        f"{out}: (file): marker 2 of {spec.path} is not drawn: run `make shots` with the original"]


@OCR
def test_steps_must_name_labels_the_screenshot_shows_with_markers_beside_them(tmp_path: Path) -> None:
    img = Image.new("RGB", (400, 160), "white")
    font = ImageFont.truetype(CJK, 24)
    ImageDraw.Draw(img).text((60, 20), "手机号", fill="black", font=font)
    ImageDraw.Draw(img).text((60, 100), "立即注册", fill="black", font=font)
    lines = shot_ocr.read_lines(img)
    spec = shot_spec.parse_spec({**GOOD, "redact": [], "markers": [[30, 36], [300, 20]],
                                 "shows": ["手机号", "账户设置"]}, tmp_path / "a.yml")
    page = tmp_path / "p.zh.md"
    page.write_text("![x](images/a.png)\n\n说明。\n\n1. 在**手机号**中输入。\n2. 点击**立即注册**。\n3. 在**姓名**中输入。\n",
                    encoding="utf-8")
    found = shot_truth.judge_screenshot(spec, lines, shot_truth.uses(tmp_path, "a.png"), ["手机号", "立即注册", "姓名"],
                                        32, lambda y0, y1: [])[0]
    assert len(found) == 3
    assert found[0].startswith(f"{page}:6: marker 2 at [300, 20] is not on the row of **立即注册**, which step 2 "
                               "names (OCR reads it at height 1")  # the label is drawn from 100 down
    assert found[0].endswith("): move marker 2 beside it (make mark-picture NAME=a)")
    assert found[1:] == [
        (f"{page}:7: step 3 names **姓名**, which OCR cannot read in images/a.png: use a screenshot that shows it "
         "and do not black it out; if the picture does show it, tick it under “Screen labels the picture shows” "
         "(make mark-picture NAME=a)"),
        (f"{tmp_path / 'a.yml'}: shows: “账户设置” is not in includes/ui-labels.yml: save the markings again "
        "(make mark-picture NAME=a)"),
    ]
