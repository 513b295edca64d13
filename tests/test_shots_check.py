"""guide/pictures/check.py judges the pictures as `make shots` does (shots_findings runs annotate.judge with the same
OCR cache): what make shots reports as a problem, it reports too, with the page's line; labels that rest on the
office's tick are notes, not problems. On a scratch project with a made-up screenshot, never the real docs/."""
import shutil
import subprocess
from pathlib import Path

import pytest
from fixture_site import SITE
from PIL import Image, ImageDraw, ImageFont
from shots_support import annotate_shots, check_pictures, shot_ocr, shot_spec, shot_truth

from guide.checks.__main__ import pictures_stage

pytestmark = pytest.mark.skipif(not shot_ocr.available(), reason="tesseract-ocr is installed by make test")
CJK = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
KINDS = shot_truth.load_kinds(SITE / shot_truth.KINDS_FILE)


STEPS = "1. 填写**手机号**。\n2. 点击**立即注册**。\n"


def write_spec(project: Path, markers: list[list[int]], shows: list[str]) -> shot_spec.Spec:
    path = project / "shots" / "form.yml"
    path.write_text("kind: screenshot\ntaken: 2026-12-06\noriginal: form.png\nwidth: 480\n"
                    f"redact: [[300, 150, 460, 190]]\nmarkers: {markers}\nshows: {shows}\n", encoding="utf-8")
    return shot_spec.load_spec(path)


def write_page(project: Path, spec: shot_spec.Spec, steps: str) -> Path:
    alt, caption = (shot_truth.expected(KINDS, spec, part, "zh") for part in ("alt", "caption"))
    page = project / "docs" / "form.zh.md"
    page.parent.mkdir(exist_ok=True)
    page.write_text(f"# 表单\n\n[![{alt}学信网的表单](images/form.png){{ loading=lazy width=480 height=220 }}]"
                    f"(images/form.png)\n\n{caption}\n\n{steps}", encoding="utf-8")
    return page


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A scratch repository: includes/, the original of a made-up screenshot (two labels, no personal data)."""
    shutil.copytree(SITE / "includes", tmp_path / "includes")
    shutil.copy(SITE / "mkdocs.yml", tmp_path / "mkdocs.yml")
    img = Image.new("RGB", (480, 220), "white")
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(CJK, 26)
    draw.text((60, 30), "手机号", fill="black", font=font)
    draw.rectangle((200, 24, 460, 66), outline=(170, 170, 170), width=2)
    draw.text((60, 150), "立即注册", fill="black", font=font)
    (tmp_path / "shots" / "originals").mkdir(parents=True)
    img.save(tmp_path / "shots" / "originals" / "form.png")
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    return tmp_path


def shots(project: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    """make shots on the scratch project: its lines."""
    code = annotate_shots.main([str(project / "shots" / "form.yml"), "--root", str(project)])
    return code, capsys.readouterr().out.splitlines()


def check(project: Path) -> tuple[int, list[str]]:
    """The pictures as make shots judges them, and make check's pictures stage: 1 and the lines when one fails."""
    problems, notes = check_pictures.shots_findings(project)
    problems += pictures_stage(project).problems
    return (1 if problems else 0), notes + problems


def test_what_make_shots_finds_make_check_finds_with_the_page_line(project: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    spec = write_spec(project, [[30, 167], [30, 47]], [])  # markers 1 and 2 swapped
    page = write_page(project, spec, STEPS)
    code, out = shots(project, capsys)
    problems = [line for line in out if line.startswith(f"{page}:")]
    assert code == 1 and len(problems) == 2, out
    assert problems[0].startswith(f"{page}:7: marker 1 at [30, 167] is not on the row of **手机号**")
    assert problems[1].startswith(f"{page}:8: marker 2 at [30, 47] is not on the row of **立即注册**")
    code, out = check(project)
    assert code == 1 and set(problems) <= set(out), out

    write_spec(project, [[30, 47], [30, 167]], [])
    code, out = check(project)  # the committed picture is still the old one
    assert code == 1 and f"{project / 'docs' / 'images' / 'form.png'}: (file): differs from what " \
        f"{project / 'shots' / 'form.yml'} renders (run `make shots`)" in out, out
    assert shots(project, capsys)[0] == 0
    code, out = check(project)
    assert code == 0 and out == [], out

    write_page(project, spec, "1. 填写**手机号**。\n")  # a legend one step short, and a picture left without a spec
    shutil.copy(project / "docs" / "images" / "form.png", project / "docs" / "images" / "old-form.png")
    code, out = check(project)
    assert code == 1 and f"{page}:3: legend: form.png has markers 1-2, the legend is numbered 1" in out, out
    assert (f"{project / 'docs' / 'images' / 'old-form.png'}: (file): no spec shots/old-form.yml makes this picture: "
            "delete it, or bring it in with `make mark-picture` (a screenshot) or a spec (a drawing)") in out, out


def test_a_label_that_rests_on_the_office_s_tick_is_a_note(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    steps = STEPS + "3. **安全邮箱**可以不填。\n"  # the picture does not show it: only the tick says it does
    spec = write_spec(project, [[30, 47], [30, 167], [30, 110]], ["安全邮箱"])
    page = write_page(project, spec, steps)
    assert shots(project, capsys)[0] == 0
    code, out = check(project)
    assert code == 0, out
    assert [line for line in out if ": note: " in line] == [
        (f"{page}:9: note: step 3 names **安全邮箱**, which OCR cannot read in images/form.png; it counts because it "
        f"is ticked under “Screen labels the picture shows” ({project / 'shots' / 'form.yml'}, shows): make sure "
        "the picture shows it")]
    write_spec(project, [[30, 47], [30, 167], [30, 110]], [])  # without the tick it is a problem for both
    assert shots(project, capsys)[0] == 1
    code, out = check(project)
    assert code == 1 and any(line.startswith(f"{page}:9: step 3 names **安全邮箱**, which OCR cannot read") for line in out)


def test_make_shots_writes_no_screenshot_in_which_ocr_reads_personal_data(project: Path,
                                                                         capsys: pytest.CaptureFixture[str]) -> None:
    original = project / "shots" / "originals" / "form.png"
    with Image.open(original) as img:
        shown = img.convert("RGB")
    ImageDraw.Draw(shown).text((210, 30), "13800138000", fill="black", font=ImageFont.truetype(CJK, 24))
    shown.save(original)  # a phone number the spec's black-out (lower down) does not cover
    spec = write_spec(project, [[30, 47], [30, 167]], [])
    write_page(project, spec, STEPS)
    code, out = shots(project, capsys)
    assert code == 1
    assert any(line.startswith(f"{spec.path}: redact: OCR reads a phone-like number, “138…”") for line in out), out
    assert not any("13800138000" in line for line in out)
    assert not (project / "docs" / "images" / "form.png").exists()
