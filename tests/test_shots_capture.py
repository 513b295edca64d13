"""Capturing with Debian's Chromium writes a raw PNG and the boxes of every named target, which render as committed."""
import json
import shutil
from pathlib import Path

import pytest
from PIL import Image
from shots_support import FIXTURES, SHOTS, annotate_shots, capture_shots_main, shot_spec

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="needs Debian's chromium")]


# The tests' own copies of two drawing specs, by the name of the capture in the tests' site they are made from.
NAMES = {"register-drawing.yml": "register-01-form", "not-passed-drawing.yml": "verify-identity-02-not-passed"}


@pytest.fixture(scope="module")
def captured(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Each captured again from its page, as `make capture` would."""
    work = tmp_path_factory.mktemp("capture")
    shutil.copytree(SHOTS / "pages", work / "pages")
    for fixture, name in NAMES.items():
        shutil.copy(FIXTURES / fixture, work / f"{name}.yml")
    assert capture_shots_main([str(work / f"{name}.yml") for name in NAMES.values()]) == 0
    return work


def test_capture_writes_the_boxes_of_every_target(captured: Path) -> None:
    spec = shot_spec.load_spec(captured / "register-01-form.yml")
    doc = json.loads((captured / "raw" / "register-01-form.boxes.json").read_text())
    assert sorted(doc["targets"]) == sorted(spec.targets)
    assert doc["page"] == "pages/register.html"  # no machine-specific path
    with Image.open(captured / "raw" / "register-01-form.png") as img:
        assert list(img.size) == doc["size"]


def test_captured_boxes_nest_like_the_page(captured: Path) -> None:
    t = json.loads((captured / "raw" / "register-01-form.boxes.json").read_text())["targets"]
    for inner, outer in (("phone", "row-phone"), ("resend", "row-sms"), ("row-email", "form")):
        assert t[outer][0] <= t[inner][0] and t[inner][2] <= t[outer][2]
        assert t[outer][1] <= t[inner][1] and t[inner][3] <= t[outer][3]


@pytest.mark.parametrize("name", NAMES.values())
def test_committed_text_runs_are_what_the_page_draws_today(captured: Path, name: str) -> None:
    committed = json.loads((SHOTS / "raw" / f"{name}.boxes.json").read_text(encoding="utf-8"))["texts"]
    now = json.loads((captured / "raw" / f"{name}.boxes.json").read_text(encoding="utf-8"))["texts"]
    assert [r["text"] for r in committed] == [r["text"] for r in now], "run `make capture` and commit shots/raw/"


def test_a_fresh_capture_renders_within_budget(captured: Path) -> None:
    rendered = annotate_shots.render_spec(shot_spec.load_spec(captured / "register-01-form.yml"))
    assert annotate_shots.budget_problems(rendered) == []


def test_selector_matching_nothing_fails_with_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copytree(SHOTS / "pages", tmp_path / "pages")
    spec = (FIXTURES / "register-drawing.yml").read_text().replace('form: "#form"', 'form: "#no-such-form"')
    (tmp_path / "register-01-form.yml").write_text(spec)
    assert capture_shots_main([str(tmp_path / "register-01-form.yml")]) == 1
    assert "capture.targets.form: '#no-such-form' matches nothing" in capsys.readouterr().err
    assert not (tmp_path / "raw" / "register-01-form.png").exists()


@pytest.mark.parametrize("url", ["http://unreachable.invalid/", "http://127.0.0.1:9/"])
def test_an_unreachable_url_is_one_line_and_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                   url: str) -> None:
    spec = (FIXTURES / "register-drawing.yml").read_text().replace("page: pages/register.html", f"page: {url}")
    (tmp_path / "register-01-form.yml").write_text(spec)  # a spec may capture a web page instead of a drawn one
    assert capture_shots_main([str(tmp_path / "register-01-form.yml")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err
    assert err.startswith(f"make capture: {tmp_path / 'register-01-form.yml'}: cannot open {url}: ")
    assert "net::ERR_" in err
    assert not (tmp_path / "raw").exists()
