"""The parity check: one fixture drift at a time gives exactly its report line; the real docs/ give none."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
from fixture_site import SITE

DATA = ROOT / "tests" / "data" / "parity"
from guide.checks.parity import cli as check_parity


def fixture_project(tmp_path: Path, en: str | None = None) -> Path:
    """A copy of the fixture site; en: a file of tests/data/parity/bad/ to use as the English page."""
    root = tmp_path / "site"
    shutil.copytree(DATA, root, ignore=shutil.ignore_patterns("bad"))
    if en:
        shutil.copy(DATA / "bad" / en, root / "docs" / "good.en.md")
    # The pages link the facts by name ([words][chsi-home]), as the guide's pages do.
    shutil.copy(SITE / "includes" / "facts.yml", root / "includes" / "facts.yml")
    return root


def run(root: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str]]:
    code = check_parity.main(["--root", str(root), *args])
    return code, capsys.readouterr().out.splitlines()


def test_good_pair_has_no_problems(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(fixture_project(tmp_path), capsys)
    assert out == ["parity: 1 pages in 2 languages (zh, en): 0 problems, 0 warnings"]
    assert code == 0


@pytest.mark.parametrize(
    ("bad", "lines"),
    [
        ("bad-heading-count.en.md",
         ["docs/good.en.md:16: heading ## {#checklist} of docs/good.zh.md:30 is missing here"]),
        ("bad-heading-id.en.md",
         ["docs/good.en.md:9: heading ## {#open-form} where docs/good.zh.md:9 has ## {#open-the-form}"]),
        ("bad-step-count.en.md",
         ["docs/good.en.md:9: section #open-the-form has 3 numbered steps, docs/good.zh.md:9 has 2"]),
        ("bad-checklist.en.md",
         ["docs/good.en.md:30: section #checklist has 1 checklist item, docs/good.zh.md:30 has 2"]),
        ("bad-admonition.en.md", ["docs/good.en.md:26: admonition !!! tip is not in docs/good.zh.md",
                                  "docs/good.en.md:26: admonition !!! warning of docs/good.zh.md:26 is missing here"]),
        ("bad-image.en.md", ["docs/good.en.md:14: image form-old.png is not in docs/good.zh.md",
                             "docs/good.en.md:14: image form.png of docs/good.zh.md:14 is missing here"]),
        ("bad-links.en.md", ["docs/good.en.md:9: link [chsi-home] of docs/good.zh.md:11 is missing here",
                             "docs/good.en.md:11: link https://www.chsi.cn/ is not in docs/good.zh.md",
                             "docs/good.en.md:16: link phone +861067410388 of docs/good.zh.md:28 is missing here",
                             "docs/good.en.md:28: link phone +861068352057 is not in docs/good.zh.md"]),
        ("bad-undefined-ref.en.md", [
            "docs/good.en.md:9: link [chsi-home] of docs/good.zh.md:11 is missing here",
            ("docs/good.en.md:11: reference [chsi-homepage] is not defined in includes/facts.yml: "
            "it would show as plain text")]),
        ("bad-gloss.en.md", [("docs/good.en.md:12: UI label **注册** is glossed '(Sign up)' "
                             "but includes/ui-labels.yml says '(Register)'")]),
    ],
)
def test_each_drift_is_one_report_line(tmp_path: Path, capsys: pytest.CaptureFixture[str], bad: str,
                                       lines: list[str]) -> None:
    code, out = run(fixture_project(tmp_path, en=bad), capsys)
    assert out[:-1] == lines
    assert out[-1] == f"parity: 1 pages in 2 languages (zh, en): {len(lines)} problems, 0 warnings"
    assert code == 1


def test_a_page_in_one_language_only_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = fixture_project(tmp_path)
    (root / "docs" / "good.en.md").unlink()
    code, out = run(root, capsys)
    assert out[0] == ("docs/good.en.md: missing: docs/good.zh.md has no English (en) translation, "
                      "and the build does not fall back to another language")
    assert code == 1


def test_a_third_language_in_mkdocs_yml_lists_every_missing_file(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    root = fixture_project(tmp_path)
    (root / "docs" / "more.zh.md").write_text("# 更多 {#more}\n", encoding="utf-8")
    (root / "docs" / "more.en.md").write_text("# More {#more}\n", encoding="utf-8")
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "          build: true\nmarkdown_extensions:",
        "          build: true\n        - locale: fr\n          name: Français\n          build: true\nmarkdown_extensions:",
    ), encoding="utf-8")
    code, out = run(root, capsys)
    assert out == [
        ("docs/good.fr.md: missing: docs/good.zh.md has no Français (fr) translation, "
        "and the build does not fall back to another language"),
        ("docs/more.fr.md: missing: docs/more.zh.md has no Français (fr) translation, "
        "and the build does not fall back to another language"),
        "parity: 2 pages in 3 languages (zh, en, fr): 2 problems, 0 warnings",
    ]
    assert code == 1


def test_a_label_no_english_page_uses_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = fixture_project(tmp_path)
    with (root / "includes" / "ui-labels.yml").open("a", encoding="utf-8") as table:
        table.write("找回密码: {gloss: Recover password, source: quoted}\n")
    code, out = run(root, capsys)
    assert out[0] == (
        "includes/ui-labels.yml:5: label 找回密码 is used on no English page and drawn in no picture: remove it")
    assert code == 1


def git(root: Path, *args: str) -> None:
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org")
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


def test_a_page_changed_after_its_translation_is_a_warning(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    root = fixture_project(tmp_path)
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "both languages")
    zh = root / "docs" / "good.zh.md"
    zh.write_text(zh.read_text(encoding="utf-8").replace("只需几分钟", "只需五分钟"), encoding="utf-8")
    git(root, "commit", "-q", "-am", "Chinese only")
    code, out = run(root, capsys)
    assert out[0].startswith(
        "docs/good.en.md: warning: possibly outdated: docs/good.zh.md changed in a later commit (")
    assert out[-1] == "parity: 1 pages in 2 languages (zh, en): 0 problems, 1 warnings"
    assert code == 0


def test_json_report_carries_problems_and_warnings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(fixture_project(tmp_path, en="bad-step-count.en.md"), capsys, "--format", "json")
    report = json.loads("\n".join(out))
    assert report["problems"] == [{"path": "docs/good.en.md", "line": 9, "severity": "error",
                                   "message": "section #open-the-form has 3 numbered steps, docs/good.zh.md:9 has 2"}]
    assert (report["languages"], report["pages"], report["warnings"]) == (["zh", "en"], ["good"], [])
    assert code == 1


def test_usage_errors_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert check_parity.main(["--root", str(tmp_path)]) == 2
    assert "no mkdocs.yml" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_:
        check_parity.main(["--format", "xml"])
    assert exit_.value.code == 2


def test_real_docs_have_no_parity_problems() -> None:
    config, texts, labels, links_files = check_parity.read_project(SITE)
    report = check_parity.check(config, texts, labels, "", links_files)
    assert [str(f) for f in report.problems] == []
    assert report.languages == ["zh", "en"]


def test_headings_without_ids_and_labels_missing_from_the_other_page(tmp_path: Path,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    root = fixture_project(tmp_path)
    zh = root / "docs" / "good.zh.md"
    text = zh.read_text(encoding="utf-8")
    zh.write_text(text.replace("## 出发前 {#checklist}", "## 出发前").replace("选择 **立即注册**", "注册吧"),
                  encoding="utf-8")
    code, out = run(root, capsys)
    assert out == [
        "docs/good.en.md:30: heading ## {#checklist} where docs/good.zh.md:30 has ## 出发前",
        "docs/good.en.md:35: UI label **立即注册** does not occur in docs/good.zh.md",
        "docs/good.zh.md:30: heading '出发前' has no explicit id: add {#some-id}, the same in every language",
        "parity: 1 pages in 2 languages (zh, en): 3 problems, 0 warnings",
    ]
    assert code == 1
