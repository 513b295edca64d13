"""No original screenshot and no readable personal data in what git holds (guide/pictures/check.py)."""
import shutil
import subprocess
from pathlib import Path

import pytest
from fixture_site import SITE
from PIL import Image, ImageDraw, ImageFont
from project_facts import EMAIL, HOTLINES
from shots_support import ROOT, check_pictures, shot_ocr

from guide.checks.__main__ import pictures_stage

OCR = pytest.mark.skipif(not shot_ocr.available(), reason="tesseract-ocr is installed by make test")
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A scratch repository with this project's .gitignore and the files the check reads quoted text from."""
    for name in (".gitignore", "shots/originals/.gitignore", "mkdocs.yml", "includes/facts.yml", "includes/ui-labels.yml"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy((ROOT if name.endswith(".gitignore") else SITE) / name, tmp_path / name)
    git(tmp_path, "init", "-q")
    return tmp_path


def picture_with(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    img = Image.new("RGB", (520, 80), "white")
    ImageDraw.Draw(img).text((20, 20), text, fill="black", font=ImageFont.truetype(str(FONT), 28))
    img.save(path)


def test_an_original_added_by_force_is_named(repo: Path) -> None:
    picture_with(repo / "shots" / "originals" / "register-01-form.png", "anything")
    git(repo, "add", "-f", "shots/originals/register-01-form.png")
    out = check_pictures.tracking_problems(repo)
    assert len(out) == 1 and out[0].startswith("shots/originals/register-01-form.png: an original screenshot is in git: "
                          "run `git rm --cached shots/originals/register-01-form.png`")


def test_an_original_is_kept_out_by_gitignore(repo: Path) -> None:
    for name in ("x.jpg", "shot.JPG", "sub/x.png"):
        picture_with(repo / "shots" / "originals" / name, "anything")
    (repo / "shots" / "originals" / "notes.txt").write_text("anything", encoding="utf-8")
    git(repo, "add", "-A")
    listed = subprocess.run(["git", "-C", str(repo), "ls-files"], capture_output=True, text=True, check=True).stdout
    # the folder comes with a clone by its own .gitignore (the project's, as committed), and nothing else in it is taken
    assert [p for p in listed.split() if "originals" in p] == ["shots/originals/.gitignore"]
    assert check_pictures.tracking_problems(repo) == []


@OCR
@pytest.mark.parametrize(("value", "what"), [
    ("13800138000", "a phone-like number"),
    ("XQ7700123", "a passport-like number"),
    ("sample.student@example.org", "an e-mail address"),
    ("EXAMPLE STUDENT", "a Latin name"),
])
def test_a_committed_picture_showing_personal_data_is_named_with_its_box(repo: Path, value: str, what: str) -> None:
    picture_with(repo / "shots" / "raw" / "form.png", f"Data: {value}")
    git(repo, "add", "shots/raw/form.png")
    out = "\n".join(pictures_stage(repo).problems)
    assert "shots/raw/form.png: (box " in out and f"OCR reads {what}, “{value[:3]}…”" in out
    assert value not in out  # the finding does not copy the data into a log


@OCR
def test_a_published_picture_is_read_before_it_is_added(repo: Path) -> None:
    picture_with(repo / "docs" / "images" / "form.png", "Passport XQ7700123")
    problems = pictures_stage(repo).problems
    assert problems and all(p.startswith("docs/images/form.png: (box ") for p in problems), problems


@OCR
def test_what_the_guide_quotes_passes(repo: Path) -> None:
    picture_with(repo / "docs" / "images" / "contact.png", f"{EMAIL} {HOTLINES['hotline-en']}")
    stage = pictures_stage(repo)
    assert stage.problems == [] and stage.summary == "pictures: 1 checked (read by OCR), 0 problem(s)"


def test_outside_a_repository_is_one_line(tmp_path: Path) -> None:
    stage = pictures_stage(tmp_path)
    assert len(stage.problems) == 1 and f"pictures: {tmp_path} is not a git repository (" in stage.problems[0]
    assert stage.summary == "pictures: not checked"
