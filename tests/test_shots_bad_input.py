"""Bad screenshot sources fail with one line naming the file and the field, and a meaningful exit code."""
import random
import shutil
from pathlib import Path

import pytest
from PIL import Image
from shots_support import FIXTURES, annotate_shots, capture_shots_main, shot_spec

# make shots runs in a project: here, the tests' own site (its includes/ say which labels are quoted).
pytestmark = pytest.mark.usefixtures("in_the_tests_site")


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str]:
    code = annotate_shots.main([str(a) for a in argv])
    out = capsys.readouterr()
    return code, out.out + out.err


def test_good_fixture_renders(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out = run(capsys, FIXTURES / "good.yml", "--out", tmp_path)
    assert code == 0, out
    assert (tmp_path / "good.png").stat().st_size > 0


@pytest.mark.parametrize(("fixture", "code", "field", "detail"), [
    ("unknown-target.yml", 2, "markers[1].target", "unknown target 'box-c'"),
    ("marker-outside.yml", 2, "markers[1]", "outside the picture 320x200"),
    ("missing-raw.yml", 2, "raw", "raw/not-captured.png"),
    ("too-wide.yml", 1, "width", "1000 px wide, over 960"),
])
def test_bad_spec_names_file_and_field(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                       fixture: str, code: int, field: str, detail: str) -> None:
    got, out = run(capsys, FIXTURES / fixture, "--out", tmp_path)
    assert got == code, out
    assert f"{FIXTURES / fixture}: {field}: " in out
    assert detail in out
    assert list(tmp_path.iterdir()) == []  # nothing is written for a bad source


def test_picture_over_the_byte_budget_fails(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "good.yml", tmp_path / "noisy.yml")
    (tmp_path / "raw").mkdir()
    shutil.copy(FIXTURES / "raw" / "tiny.boxes.json", tmp_path / "raw" / "tiny.boxes.json")
    rng = random.Random(3)
    noise = Image.frombytes("RGB", (320, 200), bytes(rng.randrange(256) for _ in range(320 * 200 * 3)))
    (tmp_path / "noisy.yml").write_text((FIXTURES / "good.yml").read_text() + "width: 960\n")
    noise.save(tmp_path / "raw" / "tiny.png")
    got, out = run(capsys, tmp_path / "noisy.yml", "--out", tmp_path / "out")
    assert got == 1, out
    assert f"{tmp_path / 'noisy.yml'}: (output) bytes: noisy.png is " in out
    assert "over 100000" in out


def test_unknown_spec_field_is_named(tmp_path: Path) -> None:
    path = tmp_path / "typo.yml"
    path.write_text((FIXTURES / "good.yml").read_text().replace("highlight:", "highlights:"))
    with pytest.raises(shot_spec.SpecError, match=r"typo\.yml: highlights: unknown field"):
        shot_spec.load_spec(path)


def test_marker_on_a_redaction_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "cover.yml"
    path.write_text((FIXTURES / "good.yml").read_text().replace("{target: box-a, side: right}",
                                                                 "{target: secret, side: inside-left}"))
    shutil.copytree(FIXTURES / "raw", tmp_path / "raw")
    spec = shot_spec.load_spec(path)
    with pytest.raises(shot_spec.SpecError, match=r"cover\.yml: markers\[0\]: marker 1 covers redact\[0\]"):
        annotate_shots.render_spec(spec)


@pytest.mark.parametrize(("docs", "code", "line"), [
    ("docs-bad", 1, "docs-bad/page.zh.md:3: legend: good.png has markers 1-2, the legend is numbered 1"),
    ("docs-good", 0, "0 legend problem(s)"),
])
def test_legends_are_checked_against_the_markers(capsys: pytest.CaptureFixture[str], docs: str, code: int,
                                                 line: str) -> None:
    got, out = run(capsys, FIXTURES / "good.yml", "--legends", "--docs", FIXTURES / docs)
    assert got == code and line in out, out


def test_capture_refuses_url_with_several_specs(capsys: pytest.CaptureFixture[str]) -> None:
    assert capture_shots_main(["a.yml", "b.yml", "--url", "http://127.0.0.1/"]) == 2
    assert "--url needs exactly one spec" in capsys.readouterr().err
