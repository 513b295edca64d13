"""Marking a screenshot in the browser (guide/pictures/mark.py): drag black-outs, click markers, save; the spec is
written and the published picture has solid fills where the boxes were, and no personal data OCR can read."""
from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from PIL import Image, ImageDraw, ImageFont
from shots_support import mark_picture, shot_draw, shot_ocr, shot_spec

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not shot_ocr.available(), reason="tesseract-ocr is installed by make test")]
CJK = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
PHONE_BOX = (140, 30, 420, 84)  # where the phone number is drawn, with room around it
NAME_BOX = (140, 130, 460, 184)


def fake_screenshot(path: Path) -> None:
    """A form with two labels the guide quotes and made-up personal data beside them."""
    img = Image.new("RGB", (600, 320), "white")
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(CJK, 30)
    draw.text((20, 40), "手机号", fill="black", font=font)
    draw.text((150, 40), "13800138000", fill="black", font=font)
    draw.text((20, 140), "姓名", fill="black", font=font)
    draw.text((150, 140), "EXAMPLE STUDENT", fill="black", font=font)
    path.parent.mkdir(parents=True, exist_ok=True)
    img.save(path)


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    fake_screenshot(tmp_path / "shots" / "originals" / "demo-01-form.png")
    (tmp_path / "docs").mkdir()
    server, url = mark_picture.start(mark_picture.Marking(tmp_path, "demo-01-form"))
    try:
        yield url, tmp_path
    finally:
        server.shutdown()
        server.server_close()


def test_drag_click_and_save_write_the_spec_and_a_redacted_picture(new_page, served: tuple[str, Path]) -> None:
    url, root = served
    page = new_page(viewport={"width": 1280, "height": 900})
    page.goto(url)
    page.wait_for_function("document.getElementById('picture').complete && document.getElementById('taken').value")
    stage = page.locator("#overlay").bounding_box()
    for x0, y0, x1, y1 in (PHONE_BOX, NAME_BOX):
        page.mouse.move(stage["x"] + x0, stage["y"] + y0)
        page.mouse.down()
        page.mouse.move(stage["x"] + x1, stage["y"] + y1, steps=5)
        page.mouse.up()
    page.check("input[value=marker]")
    for x, y in ((560, 57), (560, 250), (560, 157)):
        page.mouse.click(stage["x"] + x, stage["y"] + y)
    page.click("#undo")  # the last marker goes again
    page.mouse.click(stage["x"] + 560, stage["y"] + 157)
    assert page.locator("#redacts li").count() == 2 and page.locator("#markers li").count() == 3
    page.click("#preview")
    page.wait_for_function("document.getElementById('result').naturalWidth === 600")
    page.fill("#taken", "2026-12-06")
    page.click("#shown summary")
    page.check("#labels input[value='立即注册']")  # as the office ticks small print OCR misses
    page.click("#save")
    page.wait_for_function("document.getElementById('message').textContent.startsWith('Saved')", timeout=60_000)

    data = yaml.safe_load((root / "shots" / "demo-01-form.yml").read_text(encoding="utf-8"))
    assert data["kind"] == "screenshot" and str(data["taken"]) == "2026-12-06" and data["width"] == 600
    assert data["original"] == "demo-01-form.png"
    assert data["redact"] == [list(PHONE_BOX), list(NAME_BOX)]
    assert data["markers"] == [[560, 57], [560, 250], [560, 157]]
    assert {"手机号", "姓名", "立即注册"} <= set(data["shows"])  # two read by OCR, one ticked
    spec = shot_spec.load_spec(root / "shots" / "demo-01-form.yml")
    published = root / "docs" / "images" / "demo-01-form.png"
    with Image.open(published) as img:
        lay = shot_spec.screenshot_layout(spec, img.size)
        assert shot_draw.single_colour(img, lay.redactions) == []
        assert img.convert("RGB").getpixel((PHONE_BOX[0], PHONE_BOX[1])) == shot_draw.REDACT
        assert shot_draw.marker_problems(img, lay) == []
    assert shot_ocr.personal_data(shot_ocr.read_lines(published)) == []
    assert {k for k, _ in shot_draw.png_chunks(published.read_bytes())} <= {"IHDR", "PLTE", "IDAT", "IEND"}
    assert sorted(p.name for p in (root / "shots").iterdir()) == ["demo-01-form.yml", "originals"]  # no temp left


def test_a_marker_on_a_black_out_is_refused_and_nothing_is_written(new_page, served: tuple[str, Path]) -> None:
    url, root = served
    page = new_page(viewport={"width": 1280, "height": 900})
    page.goto(url)
    page.wait_for_function("document.getElementById('taken').value")
    stage = page.locator("#overlay").bounding_box()
    page.mouse.move(stage["x"] + 140, stage["y"] + 30)
    page.mouse.down()
    page.mouse.move(stage["x"] + 420, stage["y"] + 84, steps=3)
    page.mouse.up()
    page.check("input[value=marker]")
    page.mouse.click(stage["x"] + 280, stage["y"] + 57)
    page.click("#save")
    page.wait_for_function("document.getElementById('message').className === 'error'")
    assert page.text_content("#message") == "markers[0]: marker 1 covers redact[0]"
    assert not (root / "shots" / "demo-01-form.yml").exists()
    assert not (root / "docs" / "images").exists()


def test_saving_without_the_page_s_token_is_refused(served: tuple[str, Path]) -> None:
    url, root = served
    body = json.dumps({"taken": "2026-12-06", "redact": [], "markers": [[10, 10]]}).encode()
    request = urllib.request.Request(url + "save", data=body, headers={"Content-Type": "application/json"})
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(request, timeout=10)
    assert err.value.code == 403
    assert not (root / "shots" / "demo-01-form.yml").exists()


def test_a_missing_original_is_one_line_naming_the_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert mark_picture.main(["register-01-form", "--root", str(tmp_path), "--port", "0"]) == 2
    err = capsys.readouterr().err
    assert err == (f"mark_picture: {tmp_path / 'shots' / 'originals'}: (file): no register-01-form.png or "
                   "register-01-form.jpg here: save the screenshot there first\n")
