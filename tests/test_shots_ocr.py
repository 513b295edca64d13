"""OCR (Debian's tesseract, chi_sim+eng): the fake personal data typed into the captures is readable in the raw
capture but in no published picture."""
from __future__ import annotations

import re
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from shots_support import FAKE_DATA, IMAGES, SHOTS, SPEC_IDS

pytestmark = pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract-ocr is installed by make test")


def ocr(path: Path) -> str:
    """Text tesseract reads, lower-case, without spaces or punctuation (so '138 0013 8000' still matches)."""
    # --psm 11 (sparse text): the drawings are mostly grey blocks with a few labels, which the default page
    # segmentation reads as one picture and returns nothing for.
    proc = subprocess.run(["tesseract", str(path), "-", "-l", "chi_sim+eng", "--psm", "11"], capture_output=True, text=True,
                          check=True, env={"OMP_THREAD_LIMIT": "1", "PATH": "/usr/bin:/bin"})
    return re.sub(r"[\s.@_\-+|:]", "", proc.stdout.lower())


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    paths = {f"published {n}": IMAGES / f"{n}.png" for n in SPEC_IDS}
    paths["raw register-01-form"] = SHOTS / "raw" / "register-01-form.png"
    with ThreadPoolExecutor(max_workers=3) as pool:
        return dict(zip(paths, pool.map(ocr, paths.values())))


def test_ocr_reads_the_fake_data_in_the_raw_capture(texts: dict[str, str]) -> None:
    raw = texts["raw register-01-form"]
    for value in ("13800138000", "examplestudent", "xq7700123"):
        assert value in raw


@pytest.mark.parametrize("name", SPEC_IDS)
def test_ocr_reads_the_published_picture(texts: dict[str, str], name: str) -> None:
    assert re.search(r"[\u4e00-\u9fff]{2}", texts[f"published {name}"]), "OCR read no Chinese word at all"


@pytest.mark.parametrize("name", SPEC_IDS)
def test_no_fake_personal_data_is_readable(texts: dict[str, str], name: str) -> None:
    text = texts[f"published {name}"]
    assert [what for what, value in FAKE_DATA.items() if value in text] == []
