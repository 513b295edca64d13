"""Replacing a drawing with a screenshot, and back, as README's "Replace a picture" says: make shots and make check pass.

On a copy of the tests' site (never the real docs/ or shots/): a made-up screenshot of the registration form, with a
passport number, a phone number and a Latin name typed in, goes into shots/originals/; it is marked as the office
would (black-outs over the personal fields, a marker per step) and saved; the two pages get the caption, alt text
and size the check asks for. Then make shots and make check's stages pass, again as in a fresh clone (the original
moved away); OCR finds none of the made-up data in anything git would commit, and git tracks no original. Putting
the drawing's spec and pages back passes again."""
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from fixture_site import SITE, copy_site
from screenshot_sample import office_marks, shoot_register_form
from shots_support import FAKE_DATA, ROOT, check_pictures, mark_picture, shot_ocr, shot_spec, shot_truth

from guide.checks import __main__ as checks_main

NAME = "register-01-form"
pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="needs Debian's chromium"),
              pytest.mark.skipif(not shot_ocr.available(), reason="tesseract-ocr is installed by make test")]


def run(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(list(args), cwd=cwd, capture_output=True, text=True, check=False)


def follow_the_pages(project: Path, spec: shot_spec.Spec, size: tuple[int, int]) -> None:
    """What the office does after saving: each page gets the caption and alt-text start of the picture's kind, and
    its size (the words around them are the office's own)."""
    kinds = shot_truth.load_kinds(project / shot_truth.KINDS_FILE)
    for use in shot_truth.uses(project / "docs", f"{NAME}.png"):
        lines = use.page.read_text(encoding="utf-8").split("\n")
        line = lines[use.line - 1]
        rest = use.alt
        for kind in kinds:  # what the alt text says after its kind's start
            start = kinds[kind]["alt"][use.lang].format(taken=spec.taken)
            rest = rest.removeprefix(start)
        line = line.replace(f"![{use.alt}]", f"![{shot_truth.expected(kinds, spec, 'alt', use.lang)}{rest}]")
        line = re.sub(r"width=\d+", f"width={size[0]}", re.sub(r"height=\d+", f"height={size[1]}", line))
        lines[use.line - 1] = line
        at = next(i for i in range(use.line, len(lines)) if lines[i].strip())
        lines[at] = lines[at][: len(lines[at]) - len(lines[at].lstrip())] + shot_truth.expected(
            kinds, spec, "caption", use.lang)
        use.page.write_text("\n".join(lines), encoding="utf-8")


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_site(tmp_path_factory.mktemp("swap") / "project")
    # As a clone has them: the rule that keeps originals out of git, and the originals folder with its own rule.
    (project / "shots" / "originals").mkdir(parents=True, exist_ok=True)
    for rule in (".gitignore", "shots/originals/.gitignore"):
        shutil.copy(ROOT / rule, project / rule)
    run(project, "git", "init", "-q")
    return project


def make_check(project: Path) -> list[str]:
    """make check's stages but the rendered one (a build and a browser: tests of their own), on the copy."""
    return [problem for stage in checks_main.STATIC for problem in stage(project).problems]


def test_a_screenshot_replaces_the_drawing_and_the_tests_pass_unchanged(project: Path) -> None:
    boxes = shoot_register_form(project / "shots" / "originals" / f"{NAME}.png")
    marking = mark_picture.Marking(project, NAME)
    saved = marking.save(office_marks(boxes, shot_spec.marker_diameter(marking.width), "2026-12-06"))
    assert all(": caption: " in p or ": alt text: " in p or ": size: " in p for p in saved["problems"]), saved
    spec = shot_spec.load_spec(project / "shots" / f"{NAME}.yml")
    assert spec.kind == "screenshot"
    follow_the_pages(project, spec, (marking.image.width, marking.image.height))
    for args in ([], ["--check"]):  # make shots, then as make test checks it
        proc = run(project, sys.executable, "-m", "guide.pictures.annotate", *args)
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
        text = re.sub(r"[\s.@_\-+|:]", "", " ".join(ln.text for ln in shot_ocr.read_lines(project / path)).lower())
        assert [what for what, value in FAKE_DATA.items() if value in text] == [], path

    original = project / "shots" / "originals" / f"{NAME}.png"
    shutil.move(original, project / "kept-elsewhere.png")  # as in a fresh clone: the folder, without the original
    try:
        for args in (["--check"], ["--legends"]):
            proc = run(project, sys.executable, "-m", "guide.pictures.annotate", *args)
            assert proc.returncode == 0, proc.stdout + proc.stderr
        assert make_check(project) == []
    finally:
        shutil.move(project / "kept-elsewhere.png", original)


def test_and_back_to_the_drawing(project: Path) -> None:
    for path in [f"shots/{NAME}.yml", f"docs/images/{NAME}.png", "docs/register.zh.md", "docs/register.en.md"]:
        shutil.copy(SITE / path, project / path)
    for args in (["--check"], ["--legends"]):
        proc = run(project, sys.executable, "-m", "guide.pictures.annotate", *args)
        assert proc.returncode == 0, proc.stdout + proc.stderr
