"""A picture draws only the screen text that the office's guide quotes; anything else fails, naming the spec and the text."""
import shutil
from pathlib import Path

import pytest
from fixture_site import SITE, copy_site
from shots_support import FIXTURES, SHOTS, annotate_shots, capture_shots_main, shot_spec, shot_text

QUOTED = shot_text.quoted_labels(SITE / "includes" / "ui-labels.yml")
# The tests' own copies of drawing specs, over the captures of the drawn pages in shots/raw/ (a screenshot shows
# what CHSI shows: truth.py).
DRAWINGS = [shot_spec.Spec(**{**spec.__dict__, "path": SHOTS / f"{raw}.yml", "raw": raw, "name": raw})
            for spec, raw in ((shot_spec.load_spec(FIXTURES / "register-drawing.yml"), "register-01-form"),
                              (shot_spec.load_spec(FIXTURES / "not-passed-drawing.yml"), "verify-identity-02-not-passed"))]


@pytest.mark.parametrize(("text", "left"), [
    ("*手机号", ""),
    ("方式 3", ""),
    ("中国大陆地区用户推荐设置居民身份证。", ""),  # the full stop is punctuation, not text
    ("我已阅读并同意《用户协议》、《隐私政策》", ""),
    ("EXAMPLE STUDENT", ""),
    ("身份核验结果", "身份核验结果"),
    ("学生类型：", "学生类型："),
    ("修改密码", "修改密码"),  # two quoted labels run together make an invented menu item
    ("选择其他方式", "选择其他方式"),
])
def test_what_quoted_labels_do_not_account_for(text: str, left: str) -> None:
    assert shot_text.unquoted(text, QUOTED) == left


def test_the_quoted_labels_come_from_the_table_and_leave_out_assumptions(tmp_path: Path) -> None:
    table = tmp_path / "ui-labels.yml"
    table.write_text("立即注册: {gloss: Register now, source: quoted}\n"
                     "国家或地区: {gloss: Country or region, source: assumption}\n", encoding="utf-8")
    assert shot_text.quoted_labels(table) == {"立即注册"}


@pytest.mark.parametrize("spec", DRAWINGS, ids=[s.name for s in DRAWINGS])
def test_every_published_picture_draws_only_quoted_labels(spec: shot_spec.Spec) -> None:
    rendered = annotate_shots.render_spec(spec)
    assert rendered.runs, "the capture recorded no text runs (run `make capture`)"
    assert shot_text.text_problems(spec, rendered.runs, rendered.layout, QUOTED) == []


def test_redacted_and_cropped_out_text_is_not_drawn() -> None:
    rendered = annotate_shots.render_spec(DRAWINGS[0])  # the registration form
    lay = rendered.layout
    under = shot_spec.Run("UNDER A BLACK-OUT", lay.raw_redactions[0])
    above = shot_spec.Run("ABOVE THE CROP", shot_spec.Box(lay.crop.x0, 0, lay.crop.x1, max(lay.crop.y0, 1)))
    drawn = {run.text for run in shot_text.drawn([*rendered.runs, under, above], lay)}
    assert "UNDER A BLACK-OUT" not in drawn and "ABOVE THE CROP" not in drawn
    assert "学信网" in {run.text for run in rendered.runs} and "学信网" not in drawn  # the header is above the crop
    assert "立即注册" in drawn


@pytest.mark.browser
@pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="needs Debian's chromium")
def test_a_picture_that_draws_invented_text_is_not_published(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copytree(SHOTS / "pages", tmp_path / "pages")
    page = tmp_path / "pages" / "verify-not-passed.html"
    html = page.read_text(encoding="utf-8")
    page.write_text(html.replace('<span class="blk dark" style="width:160px;height:20px"></span>', "身份核验结果"),
                    encoding="utf-8")
    spec = tmp_path / "verify-identity-02-not-passed.yml"
    shutil.copy(FIXTURES / "not-passed-drawing.yml", spec)
    assert capture_shots_main([str(spec)]) == 0
    project = copy_site(tmp_path / "project")
    assert annotate_shots.main([str(spec), "--root", str(project)]) == 1
    assert (f"{spec}: (picture): draws “身份核验结果”, and “身份核验结果” is not a label that the office's guide "
            "quotes (source: quoted in includes/ui-labels.yml): draw a grey block in pages/verify-not-passed.html "
            "instead") in capsys.readouterr().out
    assert (project / "docs" / "images" / "verify-identity-02-not-passed.png").read_bytes() == (
        SITE / "docs" / "images" / "verify-identity-02-not-passed.png").read_bytes()  # the published one stays

