"""Paths and imports shared by the screenshot tests (tests/test_shots*.py)."""
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from fixture_site import SITE

from guide.pictures import annotate as annotate_shots
from guide.pictures import capture as capture_shots
from guide.pictures import check as check_pictures
from guide.pictures import draw as shot_draw
from guide.pictures import intake as shot_import
from guide.pictures import mark as mark_picture
from guide.pictures import ocr as shot_ocr
from guide.pictures import spec as shot_spec
from guide.pictures import text as shot_text
from guide.pictures import truth as shot_truth

capture_shots_main = capture_shots.main
SHOTS = SITE / "shots"  # the tests' site's drawn pages (shots/pages/) and captures (shots/raw/)
FIXTURES = ROOT / "tests" / "data" / "shots"
# A small project of the tests' own (shots/*.yml, their captures, docs/ pages and images), so that the picture tests
# hold whatever the office does to the real pages and specs: `make check` judges those (guide/pictures/check.py).
PROJECT = FIXTURES / "project"
DOCS = PROJECT / "docs"
IMAGES = DOCS / "images"
SPECS = [shot_spec.load_spec(p) for p in sorted((PROJECT / "shots").glob("*.yml"))]
SPEC_IDS = [s.name for s in SPECS]

# The made-up personal data typed into the fixture pages (tests/data/shots/sample-data/*.html, never into
# shots/pages/), as OCR would read it once spaces, case and punctuation are dropped. None of it may be readable in
# a published picture.
FAKE_DATA = {
    "phone": "13800138000",
    "phone (start)": "1380013",
    "overseas phone": "7700900123",
    "overseas phone (end)": "900123",
    "SMS code": "246810",
    "overseas SMS code": "135790",
    "name": "examplestudent",
    "name (family)": "example",
    "passport number": "xq7700123",
    "passport number (digits)": "7700123",
    "e-mail": "samplestudent",
    "e-mail domain": "exampleorg",
}

__all__ = ["annotate_shots", "capture_shots", "check_pictures", "mark_picture", "shot_draw", "shot_import", "shot_ocr", "shot_spec", "shot_text", "shot_truth"]
