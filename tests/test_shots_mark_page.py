"""Marking a screenshot in the browser (guide/pictures/mark.py): drag black-outs, click markers, save; the spec is
written and the published picture has solid fills where the boxes were, and no personal data OCR can read."""
import json
import shutil
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from fixture_site import SITE
from PIL import Image, ImageDraw, ImageFont
from shots_support import mark_picture, shot_draw, shot_ocr, shot_spec

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not shot_ocr.available(), reason="tesseract-ocr is installed by make test")]
CJK = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
PHONE_BOX = (140, 30, 420, 84)  # where the phone number is drawn, with room around it
NAME_BOX = (140, 130, 460, 184)


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """A form with two labels the guide quotes and made-up personal data beside them, served for marking."""
    img = Image.new("RGB", (600, 320), "white")
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(CJK, 30)
    draw.text((20, 40), "手机号", fill="black", font=font)
    draw.text((150, 40), "13800138000", fill="black", font=font)
    draw.text((20, 140), "姓名", fill="black", font=font)
    draw.text((150, 140), "EXAMPLE STUDENT", fill="black", font=font)
    (tmp_path / "shots" / "originals").mkdir(parents=True)
    img.save(tmp_path / "shots" / "originals" / "demo-01-form.png")
    (tmp_path / "docs").mkdir()
    shutil.copytree(SITE / "includes", tmp_path / "includes")  # the labels the page offers to tick
    shutil.copy(SITE / "mkdocs.yml", tmp_path / "mkdocs.yml")  # the languages of the facts
    server, url = mark_picture.start(mark_picture.Marking(tmp_path, "demo-01-form"))
    try:
        yield url, tmp_path
    finally:
        server.shutdown()
        server.server_close()


def open_page(new_page, url: str):
    page = new_page(viewport={"width": 1280, "height": 900})
    page.goto(url)
    page.wait_for_function("document.getElementById('picture').complete && document.getElementById('taken').value")
    return page, page.locator("#overlay").bounding_box()


def drag(page, start: tuple[int, int], end: tuple[int, int]) -> None:
    stage = page.locator("#overlay").bounding_box()  # a message above the picture moves it down
    page.mouse.move(stage["x"] + start[0], stage["y"] + start[1])
    page.mouse.down()
    page.mouse.move(stage["x"] + end[0], stage["y"] + end[1], steps=5)
    page.mouse.up()


def saved_error(page) -> str:
    page.click("#save")
    page.wait_for_function("document.getElementById('message').className === 'error'", timeout=60_000)
    return page.text_content("#message")


def nothing_written(root: Path) -> bool:
    images = root / "docs" / "images"
    return not (root / "shots" / "demo-01-form.yml").exists() and not (images.exists() and any(images.iterdir()))


def test_drag_click_and_save_write_the_spec_and_a_redacted_picture(new_page, served: tuple[str, Path]) -> None:
    url, root = served
    page, stage = open_page(new_page, url)
    for box in (PHONE_BOX, NAME_BOX):
        drag(page, box[:2], box[2:])
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
        assert shot_ocr.personal_data(shot_ocr.read_lines(img)) == []
    assert {k for k, _ in shot_draw.png_chunks(published.read_bytes())} <= {"IHDR", "PLTE", "IDAT", "IEND"}
    assert sorted(p.name for p in (root / "shots").iterdir()) == ["demo-01-form.yml", "originals"]  # no temp left


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
    assert err == (f"make mark-picture: {tmp_path / 'shots' / 'originals'}: (file): no register-01-form.png or "
                   "register-01-form.jpg here: save the screenshot there first\n")


def test_save_refuses_no_black_out_a_marker_on_one_and_a_result_ocr_reads_personal_data_in(new_page, served: tuple[str, Path]) -> None:
    url, root = served
    page, stage = open_page(new_page, url)
    page.check("input[value=marker]")
    page.mouse.click(stage["x"] + 560, stage["y"] + 57)
    assert saved_error(page).startswith("There is no black-out.")
    assert nothing_written(root)
    page.check("#nothing")  # the office says nothing personal is shown, but the phone number and name are
    message = saved_error(page)
    assert message.startswith("OCR still reads personal data in the result: ") and "Nothing was saved." in message
    assert "13800138000" not in message and "EXAMPLE STUDENT" not in message
    assert nothing_written(root)
    page.uncheck("#nothing")
    page.check("input[value=redact]")
    drag(page, PHONE_BOX[:2], PHONE_BOX[2:])  # the name is still there
    assert "a Latin name" in saved_error(page)
    assert nothing_written(root)
    page.check("input[value=marker]")
    stage = page.locator("#overlay").bounding_box()  # the messages above moved the picture down
    page.mouse.click(stage["x"] + 280, stage["y"] + 57)  # a marker on the black-out
    assert saved_error(page) == "markers[1]: marker 2 covers redact[0]"
    assert nothing_written(root)


def good_marks(markers: list[list[int]]) -> dict:
    return {"taken": "2026-12-06", "redact": [list(PHONE_BOX), list(NAME_BOX)], "markers": markers, "shows": [],
            "nothing_personal": False}


def test_a_reload_shows_the_last_save_and_a_marker_moves_or_goes_alone(new_page, served: tuple[str, Path]) -> None:
    url, root = served
    page, _ = open_page(new_page, url)
    assert page.locator("#markers li").count() == 0
    marking = mark_picture.Marking(root, "demo-01-form")  # saved elsewhere (another tab) after the server started
    marking.save(good_marks([[560, 57], [560, 157], [560, 250]]))
    page.reload()
    page.wait_for_function("document.querySelectorAll('#markers li').length === 3")
    assert page.locator("#redacts li").count() == 2

    page.check("input[value=marker]")
    drag(page, (560, 157), (500, 200))  # marker 2 moves and keeps its number
    texts = page.locator("#markers li").all_text_contents()
    assert [t.split(" Remove")[0] for t in texts] == ["at 560, 57", "at 500, 200", "at 560, 250"]
    page.locator("#markers li").nth(0).locator("button").click()  # marker 1 goes: 2 and 3 become 1 and 2
    texts = page.locator("#markers li").all_text_contents()
    assert [t.split(" Remove")[0] for t in texts] == ["at 500, 200", "at 560, 250"]
    page.click("#save")
    page.wait_for_function("document.getElementById('message').textContent.startsWith('Saved')", timeout=60_000)
    data = yaml.safe_load((root / "shots" / "demo-01-form.yml").read_text(encoding="utf-8"))
    assert data["markers"] == [[500, 200], [560, 250]]
    page.reload()
    page.wait_for_function("document.querySelectorAll('#markers li').length === 2")


def test_the_spec_keeps_one_comment_block_however_often_it_is_saved(served: tuple[str, Path]) -> None:
    _, root = served
    spec = root / "shots" / "demo-01-form.yml"
    mark_picture.Marking(root, "demo-01-form").save(good_marks([[560, 57]]))
    first = spec.read_text(encoding="utf-8")
    spec.write_text("# The office's own note about this picture.\n" + first.split("\n", 1)[1], encoding="utf-8")
    for _ in range(2):
        mark_picture.Marking(root, "demo-01-form").save(good_marks([[560, 57]]))
    text = spec.read_text(encoding="utf-8")
    assert text.startswith("# The office's own note about this picture.\n# Marked with `make mark-picture")
    assert text.count("# Marked with") == 1 and text.count("The office's own note") == 1


def test_a_new_original_starts_without_the_old_marks_and_offers_them(new_page, served: tuple[str, Path]) -> None:
    _url, root = served
    mark_picture.Marking(root, "demo-01-form").save(good_marks([[560, 57], [560, 157]]))
    original = root / "shots" / "originals" / "demo-01-form.png"
    with Image.open(original) as img:  # another screenshot of the same form: the rows lower down
        moved = Image.new("RGB", img.size, "white")
        moved.paste(img.crop((0, 0, img.width, img.height - 40)), (0, 40))
    moved.save(original)
    marking = mark_picture.Marking(root, "demo-01-form")
    state = marking.state()
    assert state["redact"] == [] and state["markers"] == []
    assert state["earlier"]["markers"] == [[560, 57], [560, 157]]
    server, new_url = mark_picture.start(marking)
    try:
        page, _ = open_page(new_page, new_url)
        assert page.locator("#markers li").count() == 0 and page.is_visible("#earlier")
        page.click("#use-earlier")
        assert page.locator("#markers li").count() == 2 and page.locator("#redacts li").count() == 2
    finally:
        server.shutdown()
        server.server_close()


def test_a_phone_photo_stored_sideways_is_marked_upright_at_its_own_width(tmp_path: Path) -> None:
    """A phone saves a portrait photo as a landscape one with a note to turn it: its width is the upright one's."""
    upright = Image.new("RGB", (700, 1200), "white")
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: turn 90 degrees clockwise to show
    (tmp_path / "shots" / "originals").mkdir(parents=True)
    (tmp_path / "docs").mkdir()
    upright.transpose(Image.Transpose.ROTATE_90).save(tmp_path / "shots" / "originals" / "demo-01-form.jpg",
                                                      exif=exif.tobytes())
    assert mark_picture.Marking(tmp_path, "demo-01-form").image.size == (700, 1200)
