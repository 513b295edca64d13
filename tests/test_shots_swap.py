"""Replacing a drawing with a screenshot, and back, as README's "Replace a picture" says: make shots and make check pass.

On a copy of the tests' site: a made-up screenshot of the registration form, with personal data typed in, is marked as
the office would and saved, and the pages follow. Then make shots and make check's stages pass, again without the
original (as in a fresh clone); OCR finds none of the made-up data in anything git would commit, and git tracks no
original. Putting the drawing's spec and pages back passes again."""
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from fixture_site import SITE, copy_site
from PIL import Image
from shots_support import FAKE_DATA, FIXTURES, ROOT, check_pictures, mark_picture, shot_ocr, shot_spec, shot_truth

from guide.checks import __main__ as checks_main

NAME = "register-01-form"
pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="needs Debian's chromium"),
              pytest.mark.skipif(not shot_ocr.available(), reason="tesseract-ocr is installed by make test")]
ROWS = ["row-phone", "row-sms", "row-password", "row-confirm", "row-name", "row-idtype", "row-idnumber", "row-email",
        "consent", "submit"]  # one per step of the register page, in order
PERSONAL = ["phone", "sms", "name", "idnumber"]
SMALL_PRINT = ["非常强"]  # the password meter's green print, which OCR does not read: the office ticks it


def shoot_register_form(out: Path) -> dict[str, list[int]]:
    """The drawn page with sample data typed in, shot at twice the pixels (as a phone would) and cropped to the form;
    the boxes of its rows and fields in CSS pixels, the published picture's once it is scaled to the form's width."""
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        shutil.copy(SITE / "shots" / "pages" / "chsi.css", Path(tmp) / "chsi.css")
        shutil.copy(FIXTURES / "sample-data" / "register.html", Path(tmp) / "register.html")
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page(viewport={"width": 1000, "height": 1200}, device_scale_factor=2, locale="zh-CN")
            page.goto((Path(tmp) / "register.html").as_uri())
            page.evaluate("document.fonts.ready")
            form = page.locator("#form")
            out.parent.mkdir(parents=True, exist_ok=True)
            form.screenshot(path=str(out))
            origin = form.bounding_box()
            boxes = {}
            for name in ROWS + PERSONAL:
                b = page.locator(f"#{name}").bounding_box()
                boxes[name] = [round(b["x"] - origin["x"]), round(b["y"] - origin["y"]),
                               round(b["x"] + b["width"] - origin["x"]), round(b["y"] + b["height"] - origin["y"])]
            browser.close()
    return boxes


def office_marks(boxes: dict[str, list[int]], diameter: int, taken: str) -> dict:
    """The personal fields blacked out, a marker at the start of each step's row (left of the button for the last)."""
    markers = []
    for name in ROWS:
        x0, y0, _, y1 = boxes[name]
        x = x0 - 6 - diameter // 2 if name == "submit" else x0 + 6 + diameter // 2
        markers.append([x, (y0 + y1) // 2])
    redact = [[x0 - 2, y0 - 2, x1 + 2, y1 + 2] for x0, y0, x1, y1 in (boxes[n] for n in PERSONAL)]
    return {"taken": taken, "redact": redact, "markers": markers, "shows": SMALL_PRINT}


def run(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(list(args), cwd=cwd, capture_output=True, text=True, check=False)


def follow_the_pages(project: Path, spec: shot_spec.Spec, size: tuple[int, int]) -> None:
    """What the office does after saving: a drawing's caption, alt-text start and size become the screenshot's."""
    kinds = shot_truth.load_kinds(project / shot_truth.KINDS_FILE)
    for use in shot_truth.uses(project / "docs", f"{NAME}.png"):
        lines = use.page.read_text(encoding="utf-8").split("\n")
        alt = shot_truth.expected(kinds, spec, "alt", use.lang)
        line = lines[use.line - 1].replace(f"![{kinds['drawing']['alt'][use.lang]}", f"![{alt}")
        lines[use.line - 1] = re.sub(r"width=\d+ height=\d+", f"width={size[0]} height={size[1]}", line)
        caption = shot_truth.expected(kinds, spec, "caption", use.lang)
        use.page.write_text("\n".join(lines).replace(kinds["drawing"]["caption"][use.lang], caption), encoding="utf-8")


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_site(tmp_path_factory.mktemp("swap") / "project")
    # As a clone has them: the rule that keeps originals out of git, and the originals folder with its own rule.
    (project / "shots" / "originals").mkdir(parents=True, exist_ok=True)
    for rule in (".gitignore", "shots/originals/.gitignore"):
        shutil.copy(ROOT / rule, project / rule)
    run(project, "git", "init", "-q")
    return project


def test_a_screenshot_replaces_the_drawing_and_the_tests_pass_unchanged(project: Path) -> None:
    boxes = shoot_register_form(project / "shots" / "originals" / f"{NAME}.png")
    marking = mark_picture.Marking(project, NAME)
    saved = marking.save(office_marks(boxes, shot_spec.marker_diameter(marking.image.width), "2026-12-06"))
    assert all(": caption: " in p or ": alt text: " in p or ": size: " in p for p in saved["problems"]), saved
    spec = shot_spec.load_spec(project / "shots" / f"{NAME}.yml")
    assert spec.kind == "screenshot"
    follow_the_pages(project, spec, (marking.image.width, marking.image.height))
    proc = run(project, sys.executable, "-m", "guide.pictures.annotate")  # make shots
    assert proc.returncode == 0, proc.stdout + proc.stderr
    found = check_pictures.shots_findings(project)[0] + checks_main.pictures_stage(project).problems
    assert found == []  # the pictures as make shots judges them, and make check's pictures stage

    assert run(project, "git", "add", "-A").returncode == 0
    tracked = run(project, "git", "ls-files").stdout.split("\n")
    assert [p for p in tracked if "originals" in p] == ["shots/originals/.gitignore"]
    ignored = run(project, "git", "status", "--porcelain", "--ignored").stdout
    assert f"!! shots/originals/{NAME}.png" in ignored and "shots/originals/.gitignore" in tracked
    pictures = [p for p in tracked if p.endswith(".png")]
    for path in pictures:
        lines = shot_ocr.read_lines(Image.open(project / path))
        text = re.sub(r"[\s.@_\-+|:]", "", " ".join(ln.text for ln in lines).lower())
        assert [what for what, value in FAKE_DATA.items() if value in text] == [], path

    original = project / "shots" / "originals" / f"{NAME}.png"
    shutil.move(original, project / "kept-elsewhere.png")  # as in a fresh clone: the folder, without the original
    try:
        proc = run(project, sys.executable, "-m", "guide.pictures.annotate")  # make shots keeps the committed one
        assert proc.returncode == 0 and f"images/{NAME}.png: its original " in proc.stdout, proc.stdout + proc.stderr
        # make check's stages but the rendered one (a build and a browser: tests of their own)
        assert [problem for stage in checks_main.STATIC for problem in stage(project).problems] == []
    finally:
        shutil.move(project / "kept-elsewhere.png", original)


def test_and_back_to_the_drawing(project: Path) -> None:
    for path in [f"shots/{NAME}.yml", f"docs/images/{NAME}.png", "docs/register.zh.md", "docs/register.en.md"]:
        shutil.copy(SITE / path, project / path)
    assert check_pictures.shots_findings(project)[0] == []  # as make shots judges them, and the legends
