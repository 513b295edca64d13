"""Bad screenshot sources fail with one line naming the file and the field, and a meaningful exit code."""
import random
import shutil
from pathlib import Path

import pytest
from PIL import Image
from shots_support import FIXTURES, annotate_shots


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str]:
    code = annotate_shots.main([str(a) for a in argv])
    out = capsys.readouterr()
    return code, out.out + out.err


@pytest.mark.parametrize(("fixture", "change", "code", "field", "detail"), [
    ("unknown-target.yml", None, 2, "markers[1].target", "unknown target 'box-c'"),
    ("marker-outside.yml", None, 2, "markers[1]", "outside the picture 320x200"),
    ("missing-raw.yml", None, 2, "raw", "raw/not-captured.png"),
    ("too-wide.yml", None, 1, "width", "1000 px wide, over 960"),
    ("good.yml", ("highlight:", "highlights:"), 2, "highlights", "unknown field"),
    ("good.yml", ("{target: box-a, side: right}", "{target: secret, side: inside-left}"), 2, "markers[0]",
     "marker 1 covers redact[0]"),
])
def test_bad_spec_names_file_and_field(capsys: pytest.CaptureFixture[str], tmp_path: Path, project: Path, fixture: str,
                                       change: tuple[str, str] | None, code: int, field: str, detail: str) -> None:
    spec = FIXTURES / fixture
    if change:  # good.yml with one mistake, beside its capture
        spec = tmp_path / "changed.yml"
        spec.write_text((FIXTURES / fixture).read_text().replace(*change))
        shutil.copytree(FIXTURES / "raw", tmp_path / "raw")
    got, out = run(capsys, spec, "--root", project)  # make shots in a copy of the tests' site
    assert got == code, out
    assert f"{spec}: {field}: " in out
    assert detail in out
    assert not (project / "docs" / "images" / f"{spec.stem}.png").exists()  # nothing is written for a bad source


def test_picture_over_the_byte_budget_fails(capsys: pytest.CaptureFixture[str], tmp_path: Path, project: Path) -> None:
    (tmp_path / "raw").mkdir()
    shutil.copy(FIXTURES / "raw" / "tiny.boxes.json", tmp_path / "raw" / "tiny.boxes.json")
    rng = random.Random(3)
    noise = Image.frombytes("RGB", (320, 200), bytes(rng.randrange(256) for _ in range(320 * 200 * 3)))
    (tmp_path / "noisy.yml").write_text((FIXTURES / "good.yml").read_text() + "width: 960\n")
    noise.save(tmp_path / "raw" / "tiny.png")
    got, out = run(capsys, tmp_path / "noisy.yml", "--root", project)
    assert got == 1, out
    assert not (project / "docs" / "images" / "noisy.png").exists()
    assert f"{tmp_path / 'noisy.yml'}: (output) bytes: noisy.png is " in out
    assert "over 100000" in out

